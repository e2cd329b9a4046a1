package io.jenkins.plugins.devicefarm.core.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** Device minutes as Device Farm reports them: total, metered (billed) and unmetered. */
public final class DeviceMinutes implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final DeviceMinutes ZERO = new DeviceMinutes(0, 0, 0);

    private final double total;
    private final double metered;
    private final double unmetered;

    public DeviceMinutes(double total, double metered, double unmetered) {
        this.total = total;
        this.metered = metered;
        this.unmetered = unmetered;
    }

    public double getTotal() { return total; }
    public double getMetered() { return metered; }
    public double getUnmetered() { return unmetered; }

    public DeviceMinutes plus(DeviceMinutes o) {
        return new DeviceMinutes(total + o.total, metered + o.metered, unmetered + o.unmetered);
    }

    public Map<String, Double> toMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("total", total);
        m.put("metered", metered);
        m.put("unmetered", unmetered);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceMinutes d && toMap().equals(d.toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.2f min (%.2f metered, %.2f unmetered)", total, metered, unmetered);
    }
}
