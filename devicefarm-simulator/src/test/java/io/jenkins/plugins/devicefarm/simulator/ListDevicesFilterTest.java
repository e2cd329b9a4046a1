package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.devicefarm.model.ArgumentException;
import software.amazon.awssdk.services.devicefarm.model.Device;
import software.amazon.awssdk.services.devicefarm.model.DeviceFilter;

/**
 * ListDevices honours {@code filters} (demo fleet: Pixel 8, Galaxy S23, iPhone 15, iPad, private
 * Pixel 7 with one instance, BUSY Galaxy Tab S9). Values are separated by '|'.
 */
class ListDevicesFilterTest extends SimulatorFixture {

    private List<String> names(DeviceFilter... filters) {
        return client.listDevices(r -> r.filters(filters)).devices().stream().map(Device::name).toList();
    }

    private static DeviceFilter filter(String attribute, String operator, String values) {
        return DeviceFilter.builder().attribute(attribute).operator(operator)
                .values(values.isEmpty() ? List.of() : Arrays.asList(values.split("\\|"))).build();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "ARN; EQUALS; " + PIXEL + "; Google Pixel 8",
        "ARN; IN; " + PIXEL + "|" + IPHONE + "; Google Pixel 8|Apple iPhone 15",
        "ARN; NOT_IN; " + PIXEL + "; Samsung Galaxy S23|Apple iPhone 15|Apple iPad (9th Gen)|Google Pixel 7 (private)|Samsung Galaxy Tab S9",
        "PLATFORM; EQUALS; IOS; Apple iPhone 15|Apple iPad (9th Gen)",
        "OS_VERSION; EQUALS; 13; Samsung Galaxy S23|Google Pixel 7 (private)",
        "OS_VERSION; LESS_THAN; 14; Samsung Galaxy S23|Google Pixel 7 (private)",
        "OS_VERSION; LESS_THAN_OR_EQUALS; 13.0; Samsung Galaxy S23|Google Pixel 7 (private)",
        "OS_VERSION; GREATER_THAN; 16.1; Apple iPhone 15",
        "OS_VERSION; GREATER_THAN_OR_EQUALS; 16.1; Apple iPhone 15|Apple iPad (9th Gen)",
        "OS_VERSION; IN; 13|17.4; Samsung Galaxy S23|Apple iPhone 15|Google Pixel 7 (private)",
        "OS_VERSION; NOT_IN; 13|14; Apple iPhone 15|Apple iPad (9th Gen)",
        "MODEL; CONTAINS; galaxy; Samsung Galaxy S23|Samsung Galaxy Tab S9",
        "MODEL; EQUALS; Pixel 8; Google Pixel 8",
        "MODEL; IN; Pixel 7|Pixel 8; Google Pixel 8|Google Pixel 7 (private)",
        "MODEL; NOT_IN; Pixel 7|Pixel 8|iPhone 15|iPad 9th Gen; Samsung Galaxy S23|Samsung Galaxy Tab S9",
        "AVAILABILITY; EQUALS; BUSY; Apple iPad (9th Gen)|Samsung Galaxy Tab S9",
        "FORM_FACTOR; EQUALS; TABLET; Apple iPad (9th Gen)|Samsung Galaxy Tab S9",
        "MANUFACTURER; EQUALS; Samsung; Samsung Galaxy S23|Samsung Galaxy Tab S9",
        "MANUFACTURER; IN; Apple|Samsung; Samsung Galaxy S23|Apple iPhone 15|Apple iPad (9th Gen)|Samsung Galaxy Tab S9",
        "MANUFACTURER; NOT_IN; Google; Samsung Galaxy S23|Apple iPhone 15|Apple iPad (9th Gen)|Samsung Galaxy Tab S9",
        "REMOTE_ACCESS_ENABLED; EQUALS; FALSE; Apple iPad (9th Gen)",
        "INSTANCE_ARN; EQUALS; " + INSTANCE + "; Google Pixel 7 (private)",
        "INSTANCE_ARN; IN; " + INSTANCE + "|arn:aws:devicefarm:us-west-2:123456789012:deviceinstance:x; Google Pixel 7 (private)",
        "INSTANCE_ARN; NOT_IN; " + INSTANCE + "; Google Pixel 8|Samsung Galaxy S23|Apple iPhone 15|Apple iPad (9th Gen)|Samsung Galaxy Tab S9",
        "INSTANCE_LABELS; CONTAINS; team-a; Google Pixel 7 (private)",
        "FLEET_TYPE; EQUALS; PRIVATE; Google Pixel 7 (private)",
    })
    void eachAttributeAndOperatorSelectsTheMatchingDevices(String attribute, String operator, String values, String expected) {
        assertThat(names(filter(attribute, operator, values))).containsExactly(expected.split("\\|"));
    }

    @Test
    void remoteDebugEnabledIsIgnoredAsDeviceFarmDocuments() {
        assertThat(names(filter("REMOTE_DEBUG_ENABLED", "EQUALS", "TRUE"))).hasSize(6);
    }

    @Test
    void filtersAreAnded() {
        assertThat(names(filter("PLATFORM", "EQUALS", "ANDROID"), filter("FORM_FACTOR", "EQUALS", "TABLET")))
                .containsExactly("Samsung Galaxy Tab S9");
        assertThat(names(filter("PLATFORM", "EQUALS", "IOS"), filter("MANUFACTURER", "EQUALS", "Google"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "PLATFORM; LESS_THAN; ANDROID; PLATFORM does not support LESS_THAN",
        "INSTANCE_LABELS; EQUALS; lab-1; INSTANCE_LABELS does not support EQUALS",
        "FLEET_TYPE; IN; PUBLIC; FLEET_TYPE does not support IN",
        "MODEL; EQUALS; Pixel 7|Pixel 8; filters[0].values",
        "ARN; IN; ''; filters[0].values",
        "PLATFORM; EQUALS; WINDOWS; PLATFORM takes one of",
        "REMOTE_ACCESS_ENABLED; EQUALS; yes; REMOTE_ACCESS_ENABLED takes one of",
    })
    void aBadCombinationIsAnArgumentError(String attribute, String operator, String values, String message) {
        assertThatThrownBy(() -> names(filter(attribute, operator, values)))
                .isInstanceOf(ArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void aFilterWithoutAnOperatorIsAnArgumentError() {
        assertThatThrownBy(() -> names(DeviceFilter.builder().attribute("PLATFORM").values("IOS").build()))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("needs an attribute and an operator");
    }

    @Test
    void withoutFiltersEveryDeviceIsListed() {
        assertThat(client.listDevices(r -> r.arn(project)).devices()).hasSize(simulator.scenario().devices().size());
    }
}
