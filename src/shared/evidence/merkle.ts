import { sha256 } from './sha256.js';
import { equalBytes, fromHex } from './bytes.js';

/*
 * Merkle tree hashing, inclusion and consistency proofs as in RFC 9162 §2.1, and the frontier (compact range)
 * that lets the server append a leaf and get the new root in O(log n) without reading old leaves.
 * Sizes and indices are safe integers; every hash is 32 bytes.
 */

export const hashSize = 32;
/** Proofs longer than this are refused before any hashing: a tree of 2^53 leaves needs 53 nodes. */
export const maxProofLength = 64;

const emptyTreeRoot = sha256(new Uint8Array(0));
// One scratch buffer for node hashing; hashing is synchronous, so it is never shared between two calls.
const nodeInput = new Uint8Array(1 + 2 * hashSize);
nodeInput[0] = 0x01;

/** SHA-256(0x00 ‖ data): the hash of a leaf (RFC 9162 §2.1.1). */
export function hashLeaf(data: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + data.length);
  input.set(data, 1);
  return sha256(input);
}

/** SHA-256(0x01 ‖ left ‖ right): the hash of an interior node. */
export function hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array {
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + hashSize);
  return sha256(nodeInput);
}

/** The root of the empty tree: SHA-256 of nothing. */
export function emptyRoot(): Uint8Array {
  return emptyTreeRoot.slice();
}

function isSize(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** The largest power of two smaller than n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && 2 ** Math.floor(Math.log2(n)) === n;
}

/**
 * A tree over leaf hashes, with every perfect aligned subtree's root kept per level, so that roots of any
 * earlier size and proofs cost O(log² n) hashes after an O(n) build.
 */
export class MerkleTree {
  private readonly levels: Uint8Array[][];

  constructor(leafHashes: readonly Uint8Array[]) {
    for (const leaf of leafHashes) {
      if (leaf.length !== hashSize) throw new RangeError('a leaf hash is not 32 bytes');
    }
    this.levels = [leafHashes.slice()];
    for (let level = this.levels[0]!; level.length > 1;) {
      const next: Uint8Array[] = [];
      for (let i = 0; i + 1 < level.length; i += 2) next.push(hashChildren(level[i]!, level[i + 1]!));
      this.levels.push(next);
      level = next;
    }
  }

  get size(): number {
    return this.levels[0]!.length;
  }

  /** MTH(D[start:end]). */
  private rangeRoot(start: number, end: number): Uint8Array {
    const n = end - start;
    if (n === 0) return emptyRoot();
    if (isPowerOfTwo(n) && start % n === 0) return this.levels[Math.log2(n)]![start / n]!;
    const k = splitPoint(n);
    return hashChildren(this.rangeRoot(start, start + k), this.rangeRoot(start + k, end));
  }

  private checkSize(size: number): void {
    if (!isSize(size) || size > this.size) throw new RangeError(`size ${size} is not within 0…${this.size}`);
  }

  /** The root of the tree over the first `size` leaves (default: all). */
  root(size = this.size): Uint8Array {
    this.checkSize(size);
    return this.rangeRoot(0, size);
  }

  /** PATH(m, D[start:end]) of RFC 9162 §2.1.3.1, from the leaf up. */
  private path(m: number, start: number, end: number, out: Uint8Array[]): void {
    const n = end - start;
    if (n <= 1) return;
    const k = splitPoint(n);
    if (m < k) {
      this.path(m, start, start + k, out);
      out.push(this.rangeRoot(start + k, end));
    } else {
      this.path(m - k, start + k, end, out);
      out.push(this.rangeRoot(start, start + k));
    }
  }

  /** The inclusion proof of leaf `index` in the tree of `size` leaves (default: all). */
  inclusionProof(index: number, size = this.size): Uint8Array[] {
    this.checkSize(size);
    if (!isSize(index) || index >= size) throw new RangeError(`index ${index} is not within 0…${size - 1}`);
    const out: Uint8Array[] = [];
    this.path(index, 0, size, out);
    return out;
  }

  /** SUBPROOF(m, D[start:end], b) of RFC 9162 §2.1.4.1. */
  private subproof(m: number, start: number, end: number, complete: boolean, out: Uint8Array[]): void {
    const n = end - start;
    if (m === n) {
      if (!complete) out.push(this.rangeRoot(start, end));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      this.subproof(m, start, start + k, complete, out);
      out.push(this.rangeRoot(start + k, end));
    } else {
      this.subproof(m - k, start + k, end, false, out);
      out.push(this.rangeRoot(start, start + k));
    }
  }

  /** The consistency proof from the tree of `size1` leaves to the tree of `size2` (default: all). */
  consistencyProof(size1: number, size2 = this.size): Uint8Array[] {
    this.checkSize(size2);
    if (!isSize(size1) || size1 < 1 || size1 > size2) {
      throw new RangeError(`size1 ${size1} is not within 1…${size2}`);
    }
    const out: Uint8Array[] = [];
    if (size1 < size2) this.subproof(size1, 0, size2, true, out);
    return out;
  }
}

/** The root of a tree over these leaf hashes (empty tree: SHA-256 of nothing). */
export function rootOf(leafHashes: readonly Uint8Array[]): Uint8Array {
  return frontierRoot(frontierOf(leafHashes));
}

/** The inclusion proof of leaf `index` among `leafHashes`. Builds the tree: for many proofs use MerkleTree. */
export function inclusionProof(leafHashes: readonly Uint8Array[], index: number): Uint8Array[] {
  return new MerkleTree(leafHashes).inclusionProof(index);
}

/** The consistency proof from the first `size1` of `leafHashes` to all of them. */
export function consistencyProof(leafHashes: readonly Uint8Array[], size1: number): Uint8Array[] {
  return new MerkleTree(leafHashes).consistencyProof(size1);
}

function isHashList(proof: readonly Uint8Array[]): boolean {
  return proof.length <= maxProofLength && proof.every((node) => node.length === hashSize);
}

/**
 * The root that an inclusion proof leads to (RFC 9162 §2.1.3.2), or undefined when the proof cannot be valid
 * for this index and size (wrong length, index beyond size, hashes that are not 32 bytes).
 */
export function rootFromInclusionProof(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
): Uint8Array | undefined {
  if (!isSize(index) || !isSize(size) || index >= size) return undefined;
  if (leafHash.length !== hashSize || !isHashList(proof)) return undefined;
  const result = walkInclusion(index, size, leafHash, proof.length, (i) => proof[i]);
  return result === 'known' ? undefined : result;
}

/**
 * RFC 9162 §2.1.3.2, one proof node at a time: `nodeAt(i)` gives proof node i (undefined when it is not a
 * 32-byte hash), and `after(i, key, node)` sees the node computed at each step, named by its place in the tree;
 * when it answers true the walk stops with 'known'. Gives the root the proof leads to, or undefined.
 */
function walkInclusion(
  index: number,
  size: number,
  leafHash: Uint8Array,
  length: number,
  nodeAt: (i: number) => Uint8Array | undefined,
  after?: (i: number, key: string, node: Uint8Array) => boolean,
): Uint8Array | 'known' | undefined {
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (let i = 0; i < length; i += 1) {
    const p = nodeAt(i);
    if (p === undefined || p.length !== hashSize || sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
    if (after?.(i, `${sn}:${fn}`, r) === true) return 'known';
  }
  return sn === 0 ? r : undefined;
}

/** True when `proof` proves that `leafHash` is leaf `index` of the tree of `size` leaves with this root. */
export function verifyInclusion(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  const computed = rootFromInclusionProof(index, size, leafHash, proof);
  return computed !== undefined && equalBytes(computed, root);
}

/**
 * True when `proof` proves that the tree of `size2` leaves with `root2` extends the tree of `size1` leaves with
 * `root1` (RFC 9162 §2.1.4.2). Equal sizes need an empty proof and equal roots; size1 = 0 is refused (a
 * consistency check from the empty tree proves nothing).
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): boolean {
  if (!isSize(size1) || !isSize(size2) || size1 === 0 || size1 > size2) return false;
  if (size1 === size2) return proof.length === 0 && equalBytes(root1, root2);
  if (proof.length === 0 || !isHashList(proof)) return false;
  if (root1.length !== hashSize || root2.length !== hashSize) return false;
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (let i = 1; i < path.length; i += 1) {
    const c = path[i]!;
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(fr, root1) && equalBytes(sr, root2);
}

/**
 * The right edge of a tree: the roots of its perfect subtrees from the largest (leftmost) to the smallest,
 * one for each bit set in `size`. Enough to append a leaf and compute the root without the old leaves.
 */
export interface Frontier {
  readonly size: number;
  readonly nodes: readonly Uint8Array[];
}

export const emptyFrontier: Frontier = Object.freeze({ size: 0, nodes: Object.freeze([]) });

function popCount(n: number): number {
  let count = 0;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 2)) count += rest % 2;
  return count;
}

/** True when the frontier is well formed: a safe size, one 32-byte node per bit set in it. */
export function isFrontier(frontier: Frontier): boolean {
  return (
    isSize(frontier.size) &&
    frontier.nodes.length === popCount(frontier.size) &&
    frontier.nodes.every((node) => node.length === hashSize)
  );
}

/** The frontier after appending one leaf hash: O(log n) hashes. */
export function appendLeaf(frontier: Frontier, leafHash: Uint8Array): Frontier {
  if (leafHash.length !== hashSize) throw new RangeError('a leaf hash is not 32 bytes');
  if (!isFrontier(frontier)) throw new RangeError('not a well-formed frontier');
  if (frontier.size >= Number.MAX_SAFE_INTEGER) throw new RangeError('the tree is full');
  const nodes = frontier.nodes.slice();
  let carry = leafHash;
  // Each trailing 1-bit of the old size is a perfect subtree of the same height as the carry: merge them.
  for (let size = frontier.size; size % 2 === 1; size = Math.floor(size / 2)) {
    carry = hashChildren(nodes.pop()!, carry);
  }
  nodes.push(carry);
  return { size: frontier.size + 1, nodes };
}

/** The root of the tree a frontier describes: O(log n) hashes. */
export function frontierRoot(frontier: Frontier): Uint8Array {
  if (!isFrontier(frontier)) throw new RangeError('not a well-formed frontier');
  const { nodes } = frontier;
  if (nodes.length === 0) return emptyRoot();
  let root = nodes[nodes.length - 1]!;
  for (let i = nodes.length - 2; i >= 0; i -= 1) root = hashChildren(nodes[i]!, root);
  return root;
}

/** The frontier of a tree over these leaf hashes. */
export function frontierOf(leafHashes: readonly Uint8Array[]): Frontier {
  let frontier = emptyFrontier;
  for (const leaf of leafHashes) frontier = appendLeaf(frontier, leaf);
  return frontier;
}

/**
 * Checks many inclusion proofs against one tree, as verifyInclusion does, but remembers the nodes of proofs
 * already verified: when a later proof reaches one of them with the same hash and the same remaining proof
 * nodes, the rest of its path is known to lead to the root and is not hashed again. A proof that differs
 * anywhere is computed in full, so the answer is always exactly verifyInclusion's.
 */
export function inclusionChecker(
  size: number,
  root: Uint8Array,
): (index: number, leafHash: Uint8Array, proof: readonly string[]) => boolean {
  // Proof nodes stay hex text until a node has to be hashed: comparing text allocates nothing.
  const known = new Map<string, { node: Uint8Array; proof: readonly string[]; next: number }>();
  const sameTail = (a: readonly string[], from: number, b: readonly string[], fromB: number): boolean => {
    if (a.length - from !== b.length - fromB) return false;
    for (let i = 0; i < a.length - from; i += 1) if (a[from + i] !== b[fromB + i]) return false;
    return true;
  };
  return (index, leafHash, proof) => {
    if (!isSize(index) || !isSize(size) || index >= size) return false;
    if (leafHash.length !== hashSize || proof.length > maxProofLength) return false;
    const path: { key: string; node: Uint8Array; next: number }[] = [];
    const result = walkInclusion(
      index,
      size,
      leafHash,
      proof.length,
      (i) => fromHex(proof[i]!),
      (i, key, node) => {
        const seen = known.get(key);
        if (seen !== undefined && equalBytes(seen.node, node) && sameTail(proof, i + 1, seen.proof, seen.next)) {
          return true;
        }
        path.push({ key, node, next: i + 1 });
        return false;
      },
    );
    if (result !== 'known' && (result === undefined || !equalBytes(result, root))) return false;
    // Verified, either up to the root or up to a node already verified with the same rest of the proof: the
    // nodes on the way are verified too, and later proofs through them stop there.
    for (const step of path) known.set(step.key, { node: step.node, proof, next: step.next });
    return true;
  };
}
