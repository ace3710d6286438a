import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../../shared/paths.js';
import { fromHex, toHex } from './bytes.js';
import {
  appendLeaf,
  emptyFrontier,
  frontierOf,
  frontierRoot,
  hashLeaf,
  inclusionChecker,
  inclusionProof,
  MerkleTree,
  rootFromInclusionProof,
  rootOf,
  verifyConsistency,
  verifyInclusion,
} from './merkle.js';

const fixtures = path.join(projectRoot, 'test/fixtures/rfc9162');

function jsonFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return jsonFiles(full);
    return name.endsWith('.json') ? [full] : [];
  });
}

const b64 = (value: string | null): Uint8Array => Buffer.from(value ?? '', 'base64');

interface InclusionVector {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  wantErr: boolean;
}

interface ConsistencyVector {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  wantErr: boolean;
}

test('every RFC 9162 inclusion vector is accepted exactly when wantErr is false', () => {
  const files = jsonFiles(path.join(fixtures, 'inclusion'));
  assert.ok(files.length > 80, `found ${files.length} files`);
  for (const file of files) {
    const vector = JSON.parse(readFileSync(file, 'utf8')) as InclusionVector;
    const accepted = verifyInclusion(
      vector.leafIdx,
      vector.treeSize,
      b64(vector.leafHash),
      (vector.proof ?? []).map(b64),
      b64(vector.root),
    );
    assert.equal(accepted, !vector.wantErr, path.relative(fixtures, file));
  }
});

test('every RFC 9162 consistency vector is accepted exactly when wantErr is false', () => {
  const files = jsonFiles(path.join(fixtures, 'consistency'));
  assert.ok(files.length > 60, `found ${files.length} files`);
  for (const file of files) {
    const vector = JSON.parse(readFileSync(file, 'utf8')) as ConsistencyVector;
    const accepted = verifyConsistency(
      vector.size1,
      vector.size2,
      (vector.proof ?? []).map(b64),
      b64(vector.root1),
      b64(vector.root2),
    );
    assert.equal(accepted, !vector.wantErr, path.relative(fixtures, file));
  }
});

test('the reference tree has the published root for every size 0…8, by tree, rootOf and frontier', () => {
  const reference = JSON.parse(readFileSync(path.join(fixtures, 'reference-tree.json'), 'utf8')) as {
    leaves_hex: string[];
    roots_by_size_hex: Record<string, string>;
  };
  const leaves = reference.leaves_hex.map((hex) => hashLeaf(fromHex(hex)!));
  const tree = new MerkleTree(leaves);
  let frontier = emptyFrontier;
  for (let size = 0; size <= 8; size += 1) {
    const want = reference.roots_by_size_hex[String(size)];
    assert.equal(toHex(tree.root(size)), want, `tree root of size ${size}`);
    assert.equal(toHex(rootOf(leaves.slice(0, size))), want, `rootOf size ${size}`);
    assert.equal(toHex(frontierRoot(frontier)), want, `frontier root of size ${size}`);
    if (size < 8) frontier = appendLeaf(frontier, leaves[size]!);
  }
  assert.equal(toHex(tree.root()), '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328');
});

function randomLeaves(n: number): Uint8Array[] {
  return Array.from({ length: n }, () => hashLeaf(randomBytes(8)));
}

function flipped(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = bytes.slice();
  copy[bit >> 3]! ^= 1 << (bit & 7);
  return copy;
}

test('in random trees every inclusion proof verifies, and a flipped bit, another index or an extra node fails', () => {
  for (const n of [1, 2, 3, 5, 7, 8, 9, 16, 17, 31, 33, 100]) {
    const leaves = randomLeaves(n);
    const tree = new MerkleTree(leaves);
    const root = tree.root();
    for (let index = 0; index < n; index += 1) {
      const proof = tree.inclusionProof(index);
      assert.ok(verifyInclusion(index, n, leaves[index]!, proof, root), `n=${n} index=${index}`);
      for (let node = 0; node < proof.length; node += 1) {
        const bad = proof.slice();
        bad[node] = flipped(proof[node]!, (index * 7 + node) % 256);
        assert.ok(!verifyInclusion(index, n, leaves[index]!, bad, root), `flipped node ${node}`);
      }
      assert.ok(!verifyInclusion(index, n, flipped(leaves[index]!, index % 256), proof, root));
      assert.ok(!verifyInclusion(index, n, leaves[index]!, proof, flipped(root, 3)));
      if (n > 1) {
        assert.ok(!verifyInclusion((index + 1) % n, n, leaves[index]!, proof, root), 'another index');
        assert.ok(!verifyInclusion(index, n, leaves[index]!, [...proof, root], root), 'a node too many');
      }
    }
    // Proofs against earlier sizes verify against those roots.
    for (let size = 1; size <= n; size += 1) {
      const index = size - 1;
      assert.ok(verifyInclusion(index, size, leaves[index]!, tree.inclusionProof(index, size), tree.root(size)));
    }
  }
});

test('in random trees every consistency proof verifies, and a flipped bit or size fails', () => {
  for (const n of [1, 2, 3, 4, 5, 8, 13, 32, 33, 70]) {
    const leaves = randomLeaves(n);
    const tree = new MerkleTree(leaves);
    for (let size1 = 1; size1 <= n; size1 += 1) {
      const proof = tree.consistencyProof(size1);
      const root1 = tree.root(size1);
      const root2 = tree.root();
      assert.ok(verifyConsistency(size1, n, proof, root1, root2), `n=${n} size1=${size1}`);
      for (let node = 0; node < proof.length; node += 1) {
        const bad = proof.slice();
        bad[node] = flipped(proof[node]!, node + size1);
        assert.ok(!verifyConsistency(size1, n, bad, root1, root2), `flipped node ${node} (n=${n}, m=${size1})`);
      }
      assert.ok(!verifyConsistency(size1, n, proof, flipped(root1, 9), root2));
      assert.ok(!verifyConsistency(size1, n, proof, root1, flipped(root2, 9)));
      if (size1 < n) {
        assert.ok(!verifyConsistency(size1, n, proof.slice(1), root1, root2), 'a node missing');
        assert.ok(!verifyConsistency(size1 + 1, n, proof, root1, root2) || size1 + 1 === n, 'another size1');
      }
    }
  }
});

test('the frontier gives the same root as the whole tree after every append, in O(log n) nodes', () => {
  const leaves = randomLeaves(300);
  let frontier = emptyFrontier;
  for (let i = 0; i < leaves.length; i += 1) {
    frontier = appendLeaf(frontier, leaves[i]!);
    assert.ok(frontier.nodes.length <= Math.ceil(Math.log2(i + 2)));
    assert.deepEqual(frontierRoot(frontier), rootOf(leaves.slice(0, i + 1)));
  }
  assert.deepEqual(frontierOf(leaves), frontier);
  assert.throws(() => appendLeaf({ size: 3, nodes: [] }, leaves[0]!), RangeError);
});

test('proofs longer than 64 nodes and absurd sizes are refused without hashing them', () => {
  const leaf = hashLeaf(new Uint8Array([1]));
  const huge = Array.from({ length: 10_000 }, () => leaf);
  assert.equal(rootFromInclusionProof(0, 2 ** 40, leaf, huge), undefined);
  assert.equal(rootFromInclusionProof(0, 2 ** 60, leaf, []), undefined);
  assert.equal(rootFromInclusionProof(-1, 2, leaf, [leaf]), undefined);
  assert.equal(verifyConsistency(1, 2 ** 40, huge, leaf, leaf), false);
});

test('inclusionChecker answers exactly as verifyInclusion, for good and tampered proofs alike', () => {
  for (const size of [1, 2, 3, 7, 8, 13, 64, 100]) {
    const leaves = Array.from({ length: size }, (_, i) => hashLeaf(new Uint8Array([i, i >> 8, 7])));
    const root = rootOf(leaves);
    const check = inclusionChecker(size, root);
    for (let index = 0; index < size; index += 1) {
      const proof = inclusionProof(leaves, index);
      const text = proof.map((node) => toHex(node));
      assert.equal(check(index, leaves[index]!, text), true, `size ${size} index ${index}`);
      if (proof.length > 0) {
        // Any changed proof node, even after the part shared with earlier proofs, is refused.
        for (let at = 0; at < proof.length; at += 1) {
          const bad = proof.map((node, i) => (i === at ? hashLeaf(node) : node));
          const badText = bad.map((node) => toHex(node));
          assert.equal(check(index, leaves[index]!, badText), verifyInclusion(index, size, leaves[index]!, bad, root));
          assert.equal(check(index, leaves[index]!, badText), false);
        }
      }
      assert.equal(check(index, hashLeaf(new Uint8Array([99])), text), false, 'another leaf');
      assert.equal(
        check(index, leaves[index]!, [...text.slice(0, -1), 'zz'.repeat(32)].slice(0, text.length)),
        text.length === 0,
      );
      assert.equal(
        check((index + 1) % size, leaves[index]!, text),
        verifyInclusion((index + 1) % size, size, leaves[index]!, proof, root),
      );
    }
  }
});

test('inclusionChecker hashes at most 2n nodes for all n proofs of a bundle (shared paths hashed once)', async () => {
  const { installSha256, portableSha256 } = await import('./sha256.js');
  const size = 1000;
  const leaves = Array.from({ length: size }, (_, i) => hashLeaf(new Uint8Array([i & 255, i >> 8, 9])));
  const root = rootOf(leaves);
  const proofs = leaves.map((_, index) => inclusionProof(leaves, index).map((node) => toHex(node)));
  let hashed = 0;
  installSha256((...parts) => {
    hashed += 1;
    return portableSha256(...parts);
  });
  try {
    const check = inclusionChecker(size, root);
    for (let index = 0; index < size; index += 1) assert.equal(check(index, leaves[index]!, proofs[index]!), true);
  } finally {
    installSha256(portableSha256);
  }
  // A tree of n leaves has n − 1 interior nodes; every proof hashes its first node again (a sibling's proof
  // meets it one level up), so at most 2n. Checking each proof alone would hash n · log2(n), about 10,000.
  assert.ok(hashed <= 2 * size, `${hashed} hashes`);
});
