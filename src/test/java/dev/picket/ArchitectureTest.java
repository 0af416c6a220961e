package dev.picket;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of ARCHITECTURE.md §3, checked on the compiled main classes. */
class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.picket");
  }

  @Test
  void onlyStorageTouchesJdbc() {
    noClasses().that().resideOutsideOfPackage("dev.picket.storage..")
        .should().dependOnClassesThat().resideInAPackage("java.sql..")
        .check(classes);
  }

  @Test
  void onlyHttpTouchesJavalin() {
    noClasses().that().resideOutsideOfPackage("dev.picket.http..")
        .and().doNotHaveFullyQualifiedName("dev.picket.App")
        .should().dependOnClassesThat().resideInAPackage("io.javalin..")
        .check(classes);
  }

  @Test
  void modelDependsOnNothingOfPicket() {
    classes().that().resideInAPackage("dev.picket.model..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.picket.model..", "java..")
        .check(classes);
  }

  @Test
  void storageInterfacesDependOnlyOnTheModel() {
    noClasses().that().resideInAPackage("dev.picket.storage..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.picket.protocol..", "dev.picket.normalize..",
            "dev.picket.grouping..", "dev.picket.ingest..", "dev.picket.http..", "dev.picket.auth..",
            "dev.picket.cli..", "dev.picket.admin..")
        .check(classes);
  }

  @Test
  void onlyTheCompositionRootNamesConcreteBackends() {
    noClasses().that().resideOutsideOfPackage("dev.picket.storage..")
        .and().doNotHaveFullyQualifiedName("dev.picket.App")
        .should().dependOnClassesThat().resideInAnyPackage("dev.picket.storage.jdbc..",
            "dev.picket.storage.sqlite..", "dev.picket.storage.postgres..")
        .check(classes);
  }

  @Test
  void pipelineStagesDoNotReachBackwards() {
    noClasses().that().resideInAnyPackage("dev.picket.protocol..", "dev.picket.normalize..",
            "dev.picket.grouping..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.picket.ingest..", "dev.picket.http..",
            "dev.picket.storage..", "dev.picket.cli..")
        .check(classes);
    noClasses().that().resideInAPackage("dev.picket.ingest..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.picket.http..", "dev.picket.cli..")
        .check(classes);
  }
}
