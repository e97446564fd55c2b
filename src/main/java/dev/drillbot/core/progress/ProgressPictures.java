package dev.drillbot.core.progress;

/** Draws a {@link ProgressPicture} as a PNG image; implemented outside the core, with a chart library. */
public interface ProgressPictures {
    byte[] png(ProgressPicture picture);
}
