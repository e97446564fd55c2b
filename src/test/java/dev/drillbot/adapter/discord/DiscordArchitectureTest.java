package dev.drillbot.adapter.discord;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The Discord adapter translates between JDA and the core; it knows no other adapter, and only it knows JDA. */
@AnalyzeClasses(packages = "dev.drillbot", importOptions = ImportOption.DoNotIncludeTests.class)
class DiscordArchitectureTest {

    @ArchTest
    static final ArchRule discordKnowsNoOtherAdapter = noClasses().that().resideInAPackage("dev.drillbot.adapter.discord..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.drillbot.adapter.console..",
                    "dev.drillbot.adapter.slack..", "dev.drillbot.adapter.store..", "dev.drillbot.adapter.schedule..",
                    "dev.drillbot.adapter.files..", "dev.drillbot.cli..", "dev.drillbot.scoring..");

    @ArchTest
    static final ArchRule onlyDiscordKnowsJda = noClasses().that().resideOutsideOfPackage("dev.drillbot.adapter.discord..")
            .should().dependOnClassesThat().resideInAnyPackage("net.dv8tion..");
}
