package dev.drillbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rule: a platform-free core, adapters that do not know each other. */
@AnalyzeClasses(packages = "dev.drillbot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsPlatformFree = noClasses().that().resideInAPackage("dev.drillbot.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.sql..", "javax.sql..", "org.sqlite..", "org.flywaydb..", "org.quartz..",
                    "com.slack..", "net.dv8tion..", "com.fasterxml.jackson..", "com.samskivert..", "picocli..",
                    "org.knowm..", "java.awt..", "javax.imageio..", "com.zaxxer..", "org.postgresql..")
            .because("the core decides everything and must not depend on chat SDKs, Quartz, JDBC, file formats,"
                    + " charts or a database pool");

    @ArchTest
    static final ArchRule chartsStayInTheirAdapter = noClasses().that().resideOutsideOfPackage("dev.drillbot.adapter.charts..")
            .should().dependOnClassesThat().resideInAPackage("org.knowm..")
            .because("the pictures are drawn in one adapter; the core hands it plain data");

    @ArchTest
    static final ArchRule coreDoesNotKnowTheOutside = noClasses().that().resideInAPackage("dev.drillbot.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.drillbot.adapter..", "dev.drillbot.scoring..",
                    "dev.drillbot.cli..", "dev.drillbot.config..");

    @ArchTest
    static final ArchRule adaptersDoNotKnowEachOther = slices().matching("dev.drillbot.adapter.(*)..")
            .should().notDependOnEachOther()
            .because("each adapter translates between one outside thing and the core");

    @ArchTest
    static final ArchRule chatSdksStayInTheirAdapters = noClasses().that()
            .resideOutsideOfPackages("dev.drillbot.adapter.slack..", "dev.drillbot.adapter.discord..")
            .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "net.dv8tion..");

    @ArchTest
    static final ArchRule scoringEnginesAreIndependent = noClasses().that().resideInAPackage("dev.drillbot.scoring.sql..")
            .should().dependOnClassesThat().resideInAPackage("dev.drillbot.scoring.lp..");

    @ArchTest
    static final ArchRule scoringDoesNotKnowChat = noClasses().that().resideInAPackage("dev.drillbot.scoring..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.drillbot.adapter.console..",
                    "dev.drillbot.adapter.store..", "dev.drillbot.adapter.schedule..", "dev.drillbot.cli..",
                    "dev.drillbot.core.drill..", "dev.drillbot.core.chat..");
}
