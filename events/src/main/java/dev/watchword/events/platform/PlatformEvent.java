package dev.watchword.events.platform;

/**
 * What happens to the installation as a whole rather than to one user or app: facts that hold once in the life
 * of an installation. Part of the permanent contract of the log, like {@code UserEvent}.
 */
public sealed interface PlatformEvent permits BootstrapAdminGranted {}
