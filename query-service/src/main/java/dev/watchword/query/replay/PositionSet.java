package dev.watchword.query.replay;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The log positions a replay has applied. Positions are {@code EventEnvelope.globalIndex} values: mostly dense
 * from 0 but with gaps, and {@code long}; one bit each, in chunks of 4,096 created on first use, so a million
 * dense positions take about 130 KB and scattered ones cost a chunk each. Not thread-safe: one replay, one thread.
 */
final class PositionSet {

    private static final int CHUNK_BITS = 12;
    private static final long CHUNK_MASK = (1L << CHUNK_BITS) - 1;

    private final Map<Long, BitSet> chunks = new HashMap<>();
    private long size;

    /** @return {@code false} when the position was already in the set */
    boolean add(long position) {
        BitSet chunk = chunks.computeIfAbsent(position >> CHUNK_BITS, key -> new BitSet(1 << CHUNK_BITS));
        int bit = (int) (position & CHUNK_MASK);
        if (chunk.get(bit)) {
            return false;
        }
        chunk.set(bit);
        size++;
        return true;
    }

    boolean contains(long position) {
        BitSet chunk = chunks.get(position >> CHUNK_BITS);
        return chunk != null && chunk.get((int) (position & CHUNK_MASK));
    }

    long size() {
        return size;
    }
}
