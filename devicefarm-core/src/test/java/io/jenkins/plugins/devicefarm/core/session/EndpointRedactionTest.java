package io.jenkins.plugins.devicefarm.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointRedactionTest {
    private static final String DRIVER = "https://devicefarm-appium.us-west-2.example/wd/hub?token=s3cr3t";
    private static final String BASE = "https://devicefarm-appium.us-west-2.example/wd";
    private final EndpointRedaction r = new EndpointRedaction(List.of(BASE, DRIVER));

    @Test
    void theExactUrlAndItsEncodedFormsAreMasked() {
        assertThat(r.mask("curl " + DRIVER + "/status")).isEqualTo("curl ****/status");
        assertThat(r.mask("{\"url\":\"" + DRIVER.replace("/", "\\/") + "\"}")).isEqualTo("{\"url\":\"****\"}");
        assertThat(r.mask("?next=" + java.net.URLEncoder.encode(DRIVER, java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("?next=****");
        assertThat(r.mask("no secret here")).isEqualTo("no secret here");
        assertThat(new EndpointRedaction(List.of()).mask(DRIVER)).isEqualTo(DRIVER);
    }

    @Test
    void aFailureShowingAnEndpointIsReplacedWithAMaskedCopyOfItsWholeChain() {
        IOException cause = new IOException("cannot reach " + DRIVER);
        RuntimeException top = new RuntimeException("failing with " + BASE, cause);
        top.addSuppressed(new IllegalStateException("also " + DRIVER));
        Throwable masked = r.mask(top);
        assertThat(masked).isInstanceOf(EndpointRedaction.MaskedException.class).hasMessage("failing with ****");
        assertThat(masked.toString()).startsWith("java.lang.RuntimeException: failing with ****");
        assertThat(masked.getCause()).hasMessage("cannot reach ****");
        assertThat(masked.getSuppressed()[0]).hasMessage("also ****");
        assertThat(masked.getStackTrace()).isEqualTo(top.getStackTrace());
        assertThat(r.reveals(masked)).isFalse();

        RuntimeException clean = new RuntimeException("nothing to hide");
        assertThat(r.mask(clean)).isSameAs(clean);
    }
}
