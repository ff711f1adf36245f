package dev.dbpick.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version recorded in the jar's manifest. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"dbpick " + (version == null ? "(development build)" : version),
            "Java " + System.getProperty("java.version")};
    }
}
