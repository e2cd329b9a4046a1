package io.jenkins.plugins.devicefarm.core.trend;

import io.jenkins.plugins.devicefarm.core.model.OutcomeTotals;

/** What the trend needs of one build: its number, its label and its Device Farm totals. */
public final class BuildSummary {
    private final int number;
    private final String label;
    private final OutcomeTotals totals;

    public BuildSummary(int number, String label, OutcomeTotals totals) {
        this.number = number;
        this.label = label;
        this.totals = totals;
    }

    public int number() { return number; }
    public String label() { return label; }
    public OutcomeTotals totals() { return totals; }
}
