package dev.leadkit.dedupe;

import java.util.List;

/** Blocking keys as 64-bit hashes: equal keys, equal hashes; a collision only adds a comparison. */
final class Keys {

    private Keys() {
    }

    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        // Finaliser (SplitMix64) spreads the bits for the sort-based blocking of the scan.
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h;
    }

    static long[] hashes(List<String> keys) {
        long[] out = new long[keys.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = hash(keys.get(i));
        }
        return out;
    }
}
