package io.jenkins.plugins.devicefarm.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.result.ResultPolicy.DeviceFarmResult;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResultPolicyTest {
    private static Outcome withResult(String result) {
        return Outcome.builder(ArnKind.RUN, "arn:x").status("COMPLETED").result(result).build();
    }

    @ParameterizedTest
    @CsvSource({"PASSED,SUCCESS", "WARNED,UNSTABLE", "FAILED,FAILURE", "ERRORED,FAILURE", "STOPPED,ABORTED",
                "SKIPPED,SUCCESS", "PENDING,FAILURE", "SOMETHING_NEW,FAILURE"})
    void defaults(String result, Verdict verdict) {
        assertThat(ResultPolicy.defaults().verdictFor(withResult(result))).isEqualTo(verdict);
    }

    @Test
    void overridesApplyOnlyToTheirResult() {
        ResultPolicy p = ResultPolicy.defaults().with("skipped", DeviceFarmResult.SKIPPED, "unstable")
                .with("failed", DeviceFarmResult.FAILED, " UNSTABLE ");
        assertThat(p.verdictFor(withResult("SKIPPED"))).isEqualTo(Verdict.UNSTABLE);
        assertThat(p.verdictFor(withResult("FAILED"))).isEqualTo(Verdict.UNSTABLE);
        assertThat(p.verdictFor(withResult("ERRORED"))).isEqualTo(Verdict.FAILURE);
        assertThat(ResultPolicy.defaults().verdictFor(withResult("SKIPPED"))).isEqualTo(Verdict.SUCCESS);
    }

    @Test
    void blankOverrideKeepsDefault() {
        assertThat(ResultPolicy.defaults().with("warned", DeviceFarmResult.WARNED, "  ")).isEqualTo(ResultPolicy.defaults());
    }

    @Test
    void worstVerdictWinsOverSeveralOutcomes() {
        ResultPolicy p = ResultPolicy.defaults();
        assertThat(p.verdictFor(List.of(withResult("PASSED"), withResult("WARNED")))).isEqualTo(Verdict.UNSTABLE);
        assertThat(p.verdictFor(List.of(withResult("WARNED"), withResult("FAILED"), withResult("PASSED")))).isEqualTo(Verdict.FAILURE);
        assertThat(p.verdictFor(List.of(withResult("FAILED"), withResult("STOPPED")))).isEqualTo(Verdict.ABORTED);
        assertThat(p.verdictFor(List.of())).isEqualTo(Verdict.SUCCESS);
    }

    @Test
    void unknownVerdictNamesTheField() {
        assertThatThrownBy(() -> ResultPolicy.defaults().with("warned", DeviceFarmResult.WARNED, "YELLOW"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("warned: 'YELLOW' is not a build result. Use one of SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED");
    }

    @Test
    void verdictsKeptAsTextBecomeAPolicyOrNameTheirField() {
        assertThat(ResultPolicy.verdictTextOrDefault(" ", ResultPolicy.DeviceFarmResult.WARNED)).isEqualTo("UNSTABLE");
        assertThat(ResultPolicy.verdictTextOrDefault(" yellow ", ResultPolicy.DeviceFarmResult.WARNED)).isEqualTo("yellow");
        ResultPolicy p = ResultPolicy.ofVerdicts("SUCCESS", null, "unstable", "", "FAILURE", "SUCCESS");
        assertThat(p.verdictFor(ResultPolicy.DeviceFarmResult.FAILED)).isEqualTo(Verdict.UNSTABLE);
        assertThat(p.verdictFor(ResultPolicy.DeviceFarmResult.WARNED)).isEqualTo(Verdict.UNSTABLE);
        assertThat(p.verdictFor(ResultPolicy.DeviceFarmResult.STOPPED)).isEqualTo(Verdict.FAILURE);
        assertThatThrownBy(() -> ResultPolicy.ofVerdicts(null, null, null, "YELLOW", null, null))
                .hasMessageStartingWith("errored: 'YELLOW' is not a build result");
    }
}
