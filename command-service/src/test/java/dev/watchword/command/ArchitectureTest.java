package dev.watchword.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package map holds: feature packages depend on each other without cycles, so each can be read (and moved)
 * on its own, and the service meets the others only over Kafka and HTTP, never through their code.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.watchword.command");

    @Test
    void featurePackagesWhenImportedThenFreeOfCycles() {
        slices().matching("dev.watchword.command.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }

    @Test
    void classesWhenImportedThenNoOtherServicesCode() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.watchword.query..",
                        "dev.watchword.notification..",
                        "dev.watchword.gateway..",
                        "dev.watchword.devstack..")
                .check(CLASSES);
    }
}
