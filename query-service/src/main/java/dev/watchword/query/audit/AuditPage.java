package dev.watchword.query.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One page of the audit trail, in ascending position.
 *
 * @param nextAfter the {@code after} of the next page: the position of this page's last item, or {@code null}
 *                  when this page is empty. A short page is not the end: the trail grows, and asking again with
 *                  its {@code next_after} later returns what was added since.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record AuditPage(List<AuditEntryResponse> items, Long nextAfter) {

    AuditPage {
        items = List.copyOf(items);
    }

    static AuditPage of(List<AuditEntryResponse> items) {
        return new AuditPage(items, items.isEmpty() ? null : items.getLast().position());
    }
}
