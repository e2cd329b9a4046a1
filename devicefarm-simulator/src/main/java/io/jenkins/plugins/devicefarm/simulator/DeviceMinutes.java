package io.jenkins.plugins.devicefarm.simulator;

/** Billed device minutes: all of them land in metered or unmetered depending on the billing method. */
record DeviceMinutes(double total, double metered, double unmetered) {
    static final DeviceMinutes ZERO = new DeviceMinutes(0, 0, 0);

    static DeviceMinutes of(double minutes, String billingMethod) {
        return "UNMETERED".equals(billingMethod)
                ? new DeviceMinutes(minutes, 0, minutes)
                : new DeviceMinutes(minutes, minutes, 0);
    }

    DeviceMinutes plus(DeviceMinutes o) {
        return new DeviceMinutes(total + o.total, metered + o.metered, unmetered + o.unmetered);
    }
}
