package io.jenkins.plugins.devicefarm.core.schedule;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.devicefarm.model.DevicePoolCompatibilityResult;
import software.amazon.awssdk.services.devicefarm.model.GetDevicePoolCompatibilityResponse;
import software.amazon.awssdk.services.devicefarm.model.IncompatibilityMessage;

/** GetDevicePoolCompatibility's answer as text: the devices that can run the test, and why the others cannot. */
public final class PoolCompatibility implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * A device that cannot run the test, with Device Farm's reasons. A class, not a record: Jenkins
     * persists with XStream and JBoss Marshalling, which cannot rebuild records.
     */
    public static final class Incompatible implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String device;
        private final String os;
        private final List<String> reasons;

        /** The device's name and OS version, and why it cannot run the test. */
        public Incompatible(String device, String os, List<String> reasons) {
            this.device = device;
            this.os = os;
            this.reasons = new ArrayList<>(reasons); // a plain list: XStream cannot rebuild the JDK's immutable ones
        }

        public String device() {
            return device;
        }

        public String os() {
            return os;
        }

        public List<String> reasons() {
            return Collections.unmodifiableList(reasons);
        }

        @Override
        public String toString() {
            return device + " (OS " + os + "): " + String.join("; ", reasons);
        }
    }

    private final List<String> compatible;
    private final List<Incompatible> incompatible;

    /** Device names that fit, and the others with their reasons. */
    public PoolCompatibility(List<String> compatible, List<Incompatible> incompatible) {
        this.compatible = new ArrayList<>(compatible);
        this.incompatible = new ArrayList<>(incompatible);
    }

    static PoolCompatibility of(GetDevicePoolCompatibilityResponse r) {
        return new PoolCompatibility(r.compatibleDevices().stream().map(c -> c.device().name()).toList(),
                r.incompatibleDevices().stream().map(PoolCompatibility::incompatible).toList());
    }

    private static Incompatible incompatible(DevicePoolCompatibilityResult c) {
        return new Incompatible(c.device().name(), c.device().os(),
                c.incompatibilityMessages().stream().map(IncompatibilityMessage::message).toList());
    }

    /** Names of the devices that can run the test. */
    public List<String> compatible() {
        return Collections.unmodifiableList(compatible);
    }

    /** The devices that cannot run the test, with Device Farm's reasons. */
    public List<Incompatible> incompatible() {
        return Collections.unmodifiableList(incompatible);
    }

    /** e.g. "1 of 2 devices can run the test; Samsung Galaxy S23 (OS 13): The device runs OS 13, below ...". */
    public String describe() {
        int total = compatible.size() + incompatible.size();
        return compatible.size() + " of " + total + " devices can run the test"
                + (incompatible.isEmpty() ? "" : "; " + incompatible.stream().map(Incompatible::toString)
                .collect(Collectors.joining("; ")));
    }

    @Override
    public String toString() {
        return describe();
    }
}
