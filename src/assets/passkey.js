// @ts-check
/*
 * Passkey ceremonies, loaded only on the pages that offer them (adding a passkey, the second step of a login).
 * The form works as a normal form post: this script asks the server for options, lets the browser talk to the
 * authenticator, puts the answer (JSON) in the form's hidden "antwoord" field and submits the form. Without
 * JavaScript, or in a browser without passkeys, the form stays hidden and its text says what is needed.
 * navigator.credentials is called directly (no library): it only needs base64url <-> bytes around it. No HTML is
 * built from strings (Trusted Types are enforced by the CSP).
 */
(function () {
  'use strict';

  var forms = document.querySelectorAll('[data-module="app-passkey"]');
  if (forms.length === 0) return;
  var supported = Boolean(window.PublicKeyCredential && navigator.credentials && navigator.credentials.create);

  /** @param {string} text base64url @returns {ArrayBuffer} */
  function toBytes(text) {
    var base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    var binary = window.atob(base64 + '==='.slice((base64.length + 3) % 4));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  }

  /** @param {ArrayBuffer} buffer @returns {string} base64url */
  function fromBytes(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i += 1) binary += String.fromCharCode(bytes[i]);
    return window.btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  /** @param {any[] | undefined} list */
  function descriptors(list) {
    return (list || []).map(function (item) {
      return { type: item.type, id: toBytes(item.id), transports: item.transports };
    });
  }

  /** @param {any} options JSON from the server (@simplewebauthn/server's generateRegistrationOptions) */
  function creationOptions(options) {
    return {
      rp: options.rp,
      user: { id: toBytes(options.user.id), name: options.user.name, displayName: options.user.displayName },
      challenge: toBytes(options.challenge),
      pubKeyCredParams: options.pubKeyCredParams,
      timeout: options.timeout,
      excludeCredentials: descriptors(options.excludeCredentials),
      authenticatorSelection: options.authenticatorSelection,
      attestation: options.attestation,
      extensions: options.extensions,
    };
  }

  /** @param {any} options JSON from the server (generateAuthenticationOptions) */
  function requestOptions(options) {
    return {
      challenge: toBytes(options.challenge),
      timeout: options.timeout,
      rpId: options.rpId,
      allowCredentials: descriptors(options.allowCredentials),
      userVerification: options.userVerification,
      extensions: options.extensions,
    };
  }

  /** @param {any} credential a PublicKeyCredential from create() or get() */
  function credentialJSON(credential) {
    var response = credential.response;
    var json = {
      id: credential.id,
      rawId: fromBytes(credential.rawId),
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      /** @type {Record<string, unknown>} */
      response: { clientDataJSON: fromBytes(response.clientDataJSON) },
    };
    if (response.attestationObject) {
      json.response.attestationObject = fromBytes(response.attestationObject);
      json.response.transports = typeof response.getTransports === 'function' ? response.getTransports() : [];
    } else {
      json.response.authenticatorData = fromBytes(response.authenticatorData);
      json.response.signature = fromBytes(response.signature);
      if (response.userHandle) json.response.userHandle = fromBytes(response.userHandle);
    }
    return json;
  }

  /** @param {HTMLFormElement} form */
  function enhance(form) {
    var needsScript = form.querySelector('[data-passkey-needs-js]');
    var ready = form.querySelector('[data-passkey-ready]');
    var status = form.querySelector('[data-passkey-status]');
    var answer = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="antwoord"]'));
    var token = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="_csrf"]'));
    if (!(needsScript instanceof HTMLElement) || !(ready instanceof HTMLElement) || !status || !answer || !token) {
      return;
    }
    if (!supported) {
      needsScript.textContent = form.dataset.unsupportedText || '';
      return;
    }
    needsScript.hidden = true;
    ready.hidden = false;
    var field = answer;
    var csrf = token;
    var registering = form.dataset.passkey === 'register';
    var busy = false;

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (busy) return;
      busy = true;
      status.textContent = '';
      fetch(form.dataset.optionsUrl || '', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'x-csrf-token': csrf.value },
      })
        .then(function (response) {
          return response.ok ? response.json() : Promise.reject(new Error('no options'));
        })
        .then(function (options) {
          return registering
            ? navigator.credentials.create({ publicKey: creationOptions(options) })
            : navigator.credentials.get({ publicKey: requestOptions(options) });
        })
        .then(function (credential) {
          if (!credential) throw new Error('no credential');
          field.value = JSON.stringify(credentialJSON(credential));
          // A plain form post from here on: the server answers with a redirect or the page with a message.
          form.submit();
        })
        .catch(function () {
          // Cancelled, timed out, or no matching passkey on this device: say so, and let the user try again.
          busy = false;
          status.textContent = form.dataset.failedText || '';
        });
    });
  }

  for (var f = 0; f < forms.length; f += 1) {
    var form = forms[f];
    if (form instanceof window.HTMLFormElement) enhance(form);
  }
})();
