package io.jenkins.plugins.devicefarm.core.arn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceFarmArnTest {
    static final String RUN = "arn:aws:devicefarm:us-west-2:123456789012:run:5e01a8c7-c861-4c0a-b1d5-12345EXAMPLE/0fcac17b-6122-44d7-ae5a-12345EXAMPLE";
    static final String JOB = "arn:aws:devicefarm:us-west-2:123456789012:job:5e01a8c7-c861/0fcac17b-6122/00000";
    static final String SESSION = "arn:aws:devicefarm:us-west-2:123456789012:session:proj-1/sess-1/00000";

    @Test
    void parsesRunAndExposesItsParts() {
        DeviceFarmArn arn = DeviceFarmArn.parse("arn", "  " + RUN + "\n", ArnKind.RUN);
        assertThat(arn.kind()).isEqualTo(ArnKind.RUN);
        assertThat(arn.account()).isEqualTo("123456789012");
        assertThat(arn.projectId()).isEqualTo("5e01a8c7-c861-4c0a-b1d5-12345EXAMPLE");
        assertThat(arn.toString()).isEqualTo(RUN);
        assertThat(arn.consoleUrl()).endsWith("#/mobile/projects/5e01a8c7-c861-4c0a-b1d5-12345EXAMPLE/runs/0fcac17b-6122-44d7-ae5a-12345EXAMPLE");
    }

    @Test
    void consoleUrlsForJobsAndSessions() {
        assertThat(DeviceFarmArn.parse("arn", JOB, ArnKind.JOB).consoleUrl()).endsWith("/runs/0fcac17b-6122/jobs/00000");
        assertThat(DeviceFarmArn.parse("arn", SESSION, ArnKind.SESSION).consoleUrl()).endsWith("/projects/proj-1/sessions/sess-1");
        assertThat(DeviceFarmArn.parse("d", "arn:aws:devicefarm:us-west-2::device:ABC123", ArnKind.DEVICE).consoleUrl()).isNull();
    }

    @Test
    void aJobKnowsItsRun() {
        DeviceFarmArn run = DeviceFarmArn.parse("arn", JOB, ArnKind.JOB).run();
        assertThat(run.kind()).isEqualTo(ArnKind.RUN);
        assertThat(run).isEqualTo(DeviceFarmArn.parse("arn", "arn:aws:devicefarm:us-west-2:123456789012:run:5e01a8c7-c861/0fcac17b-6122"));
        assertThat(run.run()).isNull();
    }

    @Test
    void anyKindWhenNoneExpected() {
        assertThat(DeviceFarmArn.parse("arn", SESSION).kind()).isEqualTo(ArnKind.SESSION);
    }

    @Test
    void curatedAndPrivateDevicePools() {
        assertThat(DeviceFarmArn.parse("pool", "arn:aws:devicefarm:us-west-2::devicepool:082d10e5-d7d7", ArnKind.DEVICE_POOL).account()).isEmpty();
        assertThat(DeviceFarmArn.parse("pool", "arn:aws:devicefarm:us-west-2:123456789012:devicepool:p1/pool2", ArnKind.DEVICE_POOL).idSegments())
                .containsExactly("p1", "pool2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty                 | ''                                                                              | is empty",
        "blank                 | '   '                                                                           | is empty",
        "not an ARN            | run-123                                                                         | is not an ARN",
        "wrong partition       | arn:aws-cn:devicefarm:us-west-2:123456789012:run:p/r                            | partition 'aws-cn'",
        "wrong service         | arn:aws:s3:us-west-2:123456789012:run:p/r                                       | service 's3'",
        "wrong region          | arn:aws:devicefarm:eu-west-1:123456789012:run:p/r                               | region 'eu-west-1'",
        "wrong kind            | arn:aws:devicefarm:us-west-2:123456789012:job:p/r/00000                         | ARN of a job, not the ARN of a run",
        "unknown type          | arn:aws:devicefarm:us-west-2:123456789012:widget:p/r                            | resource type 'widget'",
        "missing account       | arn:aws:devicefarm:us-west-2::run:p/r                                           | has no account id",
        "short account         | arn:aws:devicefarm:us-west-2:1234:run:p/r                                       | not a 12-digit AWS account id",
        "too few id segments   | arn:aws:devicefarm:us-west-2:123456789012:run:p                                 | run id 'p' is malformed",
        "too many segments     | arn:aws:devicefarm:us-west-2:123456789012:run:p/r/x                             | is malformed",
        "empty segment         | arn:aws:devicefarm:us-west-2:123456789012:run:p/                                | is malformed",
        "injection-looking     | arn:aws:devicefarm:us-west-2:123456789012:run:p/r;rm -rf                        | is malformed",
        "markup                | arn:aws:devicefarm:us-west-2:123456789012:run:p/<script>                        | is malformed",
        "unicode               | arn:aws:devicefarm:us-west-2:123456789012:run:p/rün                             | is malformed",
    })
    void rejectsBadRunArnsNamingTheField(String why, String value, String expected) {
        assertThatThrownBy(() -> DeviceFarmArn.parse("arn", value, ArnKind.RUN))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("arn: ")
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(((InvalidInputException) e).getField()).isEqualTo("arn"));
    }

    @Test
    void nullIsEmpty() {
        assertThatThrownBy(() -> DeviceFarmArn.parse("projectArn", null, ArnKind.PROJECT))
                .hasMessage("projectArn: is empty. Enter the ARN of a project, like arn:aws:devicefarm:us-west-2:123456789012:project:<project-id>");
    }

    @Test
    void hugeInputIsRejectedWithABoundedMessage() {
        String huge = "arn:aws:devicefarm:us-west-2:123456789012:run:p/" + "r".repeat(5000);
        assertThatThrownBy(() -> DeviceFarmArn.parse("arn", huge, ArnKind.RUN))
                .hasMessageContaining(huge.length() + " characters long")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
    }

    @Test
    void messageListsAllExpectedKinds() {
        assertThatThrownBy(() -> DeviceFarmArn.parse("arn", "arn:aws:devicefarm:us-west-2:123456789012:project:p", ArnKind.RUN, ArnKind.JOB))
                .hasMessageContaining("not the ARN of a run or a job");
    }

    @Test
    void equalityIsByText() {
        assertThat(DeviceFarmArn.parse("a", RUN)).isEqualTo(DeviceFarmArn.parse("b", " " + RUN)).hasSameHashCodeAs(DeviceFarmArn.parse("c", RUN));
    }
}
