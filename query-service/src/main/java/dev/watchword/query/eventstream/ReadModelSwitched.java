package dev.watchword.query.eventstream;

import java.util.List;

/**
 * A replay swapped a rebuilt read model in for the live one, published after that transaction committed,
 * on the instance that ran it: whatever holds rows of those tables in memory drops them.
 *
 * @param readModel the read model's name, e.g. {@code user_profile}
 * @param tables    the tables that were swapped
 */
public record ReadModelSwitched(String readModel, List<String> tables) {}
