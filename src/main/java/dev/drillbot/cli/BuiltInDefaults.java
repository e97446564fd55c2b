package dev.drillbot.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The shipped config, question bank and rubric, packed in the jar under {@code defaults/}, so that
 * {@code java -jar drillbot.jar run} works from any directory. They are copied once per version to a
 * folder under the system's temporary directory and read from there like any other files.
 */
final class BuiltInDefaults {
    static final String ROOT = "defaults";

    private BuiltInDefaults() {}

    /** The folder holding {@code config/drillbot.yaml}, {@code config/rubric} and {@code questions}. */
    static Path extract() {
        URL marker = BuiltInDefaults.class.getClassLoader().getResource(ROOT + "/config/drillbot.yaml");
        if (marker == null) {
            throw new IllegalStateException("this build has no built-in config");
        }
        String version = String.valueOf(BuiltInDefaults.class.getPackage().getImplementationVersion());
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "drillbot-defaults-" + version + "-"
                + Integer.toHexString(marker.toString().hashCode()));
        try {
            URI uri = marker.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copy(jar.getPath("/" + ROOT), target);
                }
            } else {
                copy(Path.of(uri).getParent().getParent(), target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the built-in config to " + target, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the tree; files already there from an earlier start are replaced, so edits there do not stick. */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path dest = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
