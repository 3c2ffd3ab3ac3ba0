package dev.watchword.query.paging;

import java.util.List;

/**
 * One page of a listing: {@code {"items": [...], "page", "size", "total"}}, where {@code total} counts the
 * items of every page together (with the same filters).
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page(), request.size(), total);
    }
}
