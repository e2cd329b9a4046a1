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
 * ListDevices honours {@code filters} (demo fleet: Pixel 8, Galaxy S23, iPhone 15, BUSY iPad without
 * remote access, private iPhone 14 with one instance, BUSY iPad Air). Values are separated by '|'.
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
        "ARN; NOT_IN; " + PIXEL + "; Samsung Galaxy S23|Apple iPhone 15|Apple iPad (9th Gen)|Apple iPhone 14 (private)|Apple iPad Air (5th Gen)",
        "PLATFORM; EQUALS; IOS; Apple iPhone 15|Apple iPad (9th Gen)|Apple iPhone 14 (private)|Apple iPad Air (5th Gen)",
        "OS_VERSION; EQUALS; 13; Samsung Galaxy S23",
        "OS_VERSION; LESS_THAN; 14; Samsung Galaxy S23",
        "OS_VERSION; LESS_THAN_OR_EQUALS; 13.0; Samsung Galaxy S23",
        "OS_VERSION; GREATER_THAN; 16.1; Apple iPhone 15|Apple iPhone 14 (private)|Apple iPad Air (5th Gen)",
        "OS_VERSION; GREATER_THAN_OR_EQUALS; 16.1; Apple iPhone 15|Apple iPad (9th Gen)|Apple iPhone 14 (private)|Apple iPad Air (5th Gen)",
        "OS_VERSION; IN; 13|17.4; Samsung Galaxy S23|Apple iPhone 15",
        "OS_VERSION; NOT_IN; 13|14|16.1; Apple iPhone 15|Apple iPhone 14 (private)|Apple iPad Air (5th Gen)",
        "MODEL; CONTAINS; ipad; Apple iPad (9th Gen)|Apple iPad Air (5th Gen)",
        "MODEL; EQUALS; Pixel 8; Google Pixel 8",
        "MODEL; IN; iPhone 14|Pixel 8; Google Pixel 8|Apple iPhone 14 (private)",
        "MODEL; NOT_IN; Pixel 8|Galaxy S23|iPhone 15|iPad 9th Gen; Apple iPhone 14 (private)|Apple iPad Air (5th Gen)",
        "AVAILABILITY; EQUALS; BUSY; Apple iPad (9th Gen)|Apple iPad Air (5th Gen)",
        "FORM_FACTOR; EQUALS; TABLET; Apple iPad (9th Gen)|Apple iPad Air (5th Gen)",
        "MANUFACTURER; EQUALS; Samsung; Samsung Galaxy S23",
        "MANUFACTURER; IN; Google|Samsung; Google Pixel 8|Samsung Galaxy S23",
        "MANUFACTURER; NOT_IN; Apple; Google Pixel 8|Samsung Galaxy S23",
        "REMOTE_ACCESS_ENABLED; EQUALS; FALSE; Apple iPad (9th Gen)",
        "INSTANCE_ARN; EQUALS; " + INSTANCE + "; Apple iPhone 14 (private)",
        "INSTANCE_ARN; IN; " + INSTANCE + "|arn:aws:devicefarm:us-west-2:123456789012:deviceinstance:x; Apple iPhone 14 (private)",
        "INSTANCE_ARN; NOT_IN; " + INSTANCE + "; Google Pixel 8|Samsung Galaxy S23|Apple iPhone 15|Apple iPad (9th Gen)|Apple iPad Air (5th Gen)",
        "INSTANCE_LABELS; CONTAINS; team-a; Apple iPhone 14 (private)",
        "FLEET_TYPE; EQUALS; PRIVATE; Apple iPhone 14 (private)",
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
        assertThat(names(filter("PLATFORM", "EQUALS", "IOS"), filter("FORM_FACTOR", "EQUALS", "TABLET"),
                filter("REMOTE_ACCESS_ENABLED", "EQUALS", "TRUE"))).containsExactly("Apple iPad Air (5th Gen)");
        assertThat(names(filter("PLATFORM", "EQUALS", "IOS"), filter("MANUFACTURER", "EQUALS", "Google"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "PLATFORM; LESS_THAN; ANDROID; filters[0].operator: PLATFORM takes [EQUALS], not LESS_THAN",
        "INSTANCE_LABELS; EQUALS; lab-1; INSTANCE_LABELS takes [CONTAINS], not EQUALS",
        "FLEET_TYPE; IN; PUBLIC; FLEET_TYPE takes [EQUALS], not IN",
        "MODEL; EQUALS; Pixel 7|Pixel 8; filters[0].values: the EQUALS operator takes exactly one value",
        "ARN; IN; ''; Missing required parameter: filters[0].values",
        "PLATFORM; EQUALS; WINDOWS; filters[0].values: WINDOWS is not one of [ANDROID, IOS]",
        "REMOTE_ACCESS_ENABLED; EQUALS; yes; yes is not one of [FALSE, TRUE]",
    })
    void aBadCombinationIsAnArgumentError(String attribute, String operator, String values, String message) {
        assertThatThrownBy(() -> names(filter(attribute, operator, values)))
                .isInstanceOf(ArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void aFilterWithoutAnOperatorIsAnArgumentError() {
        assertThatThrownBy(() -> names(DeviceFilter.builder().attribute("PLATFORM").values("IOS").build()))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("Missing required parameter: filters[0].operator");
    }

    @Test
    void withoutFiltersEveryDeviceIsListed() {
        assertThat(client.listDevices(r -> r.arn(project)).devices()).hasSize(simulator.scenario().devices().size());
    }
}
