package io.jenkins.plugins.devicefarm.core.artifact;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Where in a run's result tree artifacts are listed; deeper levels place files in deeper folders. */
public enum ArtifactLevel {
    RUN, JOB, SUITE, TEST;

    /** Level names as users type them (any case); none given means every level. */
    public static Set<ArtifactLevel> parse(String field, Collection<String> names) {
        if (names == null || names.isEmpty()) {
            return EnumSet.allOf(ArtifactLevel.class);
        }
        Set<ArtifactLevel> levels = EnumSet.noneOf(ArtifactLevel.class);
        for (String name : names) {
            String n = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
            try {
                levels.add(valueOf(n));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(field, "'" + (n.length() > 40 ? n.substring(0, 37) + "..." : n)
                        + "' is not a level of a run's results", "Use some of RUN, JOB, SUITE, TEST");
            }
        }
        return levels;
    }
}
