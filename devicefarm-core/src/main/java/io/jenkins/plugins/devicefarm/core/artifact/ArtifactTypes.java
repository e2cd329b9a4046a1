package io.jenkins.plugins.devicefarm.core.artifact;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.devicefarm.model.ArtifactCategory;
import software.amazon.awssdk.services.devicefarm.model.ArtifactType;

/**
 * The artifact types a user may ask for (Device Farm's {@link ArtifactType} names, e.g. VIDEO,
 * CUSTOMER_ARTIFACT, DEVICE_LOG), and which ListArtifacts category lists each.
 */
public final class ArtifactTypes {
    private ArtifactTypes() {}

    /** Checks the names (any case) before any request; the message names {@code field} and lists the valid types. */
    public static Set<ArtifactType> parse(String field, Collection<String> names) {
        Set<ArtifactType> types = new LinkedHashSet<>();
        for (String name : names) {
            String n = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
            ArtifactType type = ArtifactType.fromValue(n);
            if (type == null || type == ArtifactType.UNKNOWN_TO_SDK_VERSION || type == ArtifactType.UNKNOWN) {
                throw new InvalidInputException(field, "'" + (n.length() > 40 ? n.substring(0, 37) + "..." : n)
                        + "' is not a Device Farm artifact type", "Use some of " + known());
            }
            types.add(type);
        }
        return types;
    }

    /**
     * The categories to list for these types: screenshots under SCREENSHOT, video and customer
     * artifacts under FILE, *_LOG types under LOG, and other outputs under both FILE and LOG (Device
     * Farm does not document which one holds them; the list is filtered by type afterwards).
     */
    public static Set<ArtifactCategory> categories(Set<ArtifactType> types) {
        Set<ArtifactCategory> categories = EnumSet.noneOf(ArtifactCategory.class);
        for (ArtifactType t : types) {
            if (t == ArtifactType.SCREENSHOT) {
                categories.add(ArtifactCategory.SCREENSHOT);
            } else if (t == ArtifactType.VIDEO || t == ArtifactType.CUSTOMER_ARTIFACT) {
                categories.add(ArtifactCategory.FILE);
            } else if (t.toString().endsWith("_LOG")) {
                categories.add(ArtifactCategory.LOG);
            } else {
                categories.add(ArtifactCategory.FILE);
                categories.add(ArtifactCategory.LOG);
            }
        }
        return categories;
    }

    private static String known() {
        Set<String> names = new TreeSet<>(ArtifactType.knownValues().stream().map(ArtifactType::toString).toList());
        names.remove("UNKNOWN");
        return String.join(", ", names);
    }
}
