package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a run echoes of its ScheduleRun request (locale, radios, location, artifact paths,
 * environment variables, role, proxy, network profile, device selection result...), laid over
 * the run's view. {@link #NONE} for runs scheduled without them.
 */
final class RunSpec {
    static final RunSpec NONE = new RunSpec(Json.object(), false);

    private final ObjectNode fields;
    private final boolean selection;

    RunSpec(ObjectNode fields, boolean selection) {
        this.fields = fields;
        this.selection = selection;
    }

    /** Overlays the echoed fields on a run's JSON; a run from a device selection has no pool. */
    void render(ObjectNode run) {
        run.setAll(fields.deepCopy());
        if (selection) {
            run.remove("devicePoolArn");
        }
    }
}
