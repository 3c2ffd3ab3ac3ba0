package dev.watchword.devstack;

/** The services the dev stack runs, in start-up order; ports as in docs/contract.md. */
enum Service {
    COMMAND("command-service", 8081, "WATCHWORD_DEV_COMMAND_PORT"),
    QUERY("query-service", 8082, "WATCHWORD_DEV_QUERY_PORT"),
    NOTIFICATION("notification-service", 8083, "WATCHWORD_DEV_NOTIFICATION_PORT"),
    GATEWAY("gateway", 8080, "WATCHWORD_DEV_GATEWAY_PORT");

    private final String module;

    private final int defaultPort;

    private final String portVariable;

    Service(String module, int defaultPort, String portVariable) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.portVariable = portVariable;
    }

    String module() {
        return module;
    }

    int defaultPort() {
        return defaultPort;
    }

    String portVariable() {
        return portVariable;
    }
}
