package dev.autoprom.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentStatusTest {

    @AfterEach
    void clear() {
        System.clearProperty(AgentStatus.PROPERTY);
    }

    @Test
    void servingCarriesVersionPortAndScheme() {
        AgentStatus.publish(AgentStatus.SERVING, 9464, "https");
        String value = System.getProperty(AgentStatus.PROPERTY);
        assertThat(value).isEqualTo("version=" + AgentInfo.version() + ",state=serving,port=9464,scheme=https");
        AgentStatus status = AgentStatus.parse(value);
        assertThat(status.state()).isEqualTo("serving");
        assertThat(status.port()).isEqualTo(9464);
        assertThat(status.scheme()).isEqualTo("https");
        assertThat(status.isStarting()).isFalse();
    }

    @Test
    void aFailureKeepsItsTextReadableEvenWithCommas() {
        AgentStatus.publishFailure(AgentStatus.EXPORTER_FAILED, "0.0.0.0:9464 (java.net.BindException: a, b\nc)");
        AgentStatus status = AgentStatus.parse(System.getProperty(AgentStatus.PROPERTY));
        assertThat(status.state()).isEqualTo("exporter-failed");
        assertThat(status.error()).isEqualTo("0.0.0.0:9464 (java.net.BindException: a; b c)");
        assertThat(status.port()).isEqualTo(-1);
    }

    @Test
    void startingHasNoPort() {
        AgentStatus.publish(AgentStatus.STARTING);
        AgentStatus status = AgentStatus.parse(System.getProperty(AgentStatus.PROPERTY));
        assertThat(status.isStarting()).isTrue();
        assertThat(status.port()).isEqualTo(-1);
        assertThat(status.error()).isEmpty();
    }

    @Test
    void absentOrUnknownValuesAreTolerated() {
        assertThat(AgentStatus.parse(null)).isNull();
        assertThat(AgentStatus.parse("")).isNull();
        AgentStatus future = AgentStatus.parse("state=serving,port=x,colour=blue,version=9");
        assertThat(future.port()).isEqualTo(-1);
        assertThat(future.version()).isEqualTo("9");
        assertThat(AgentStatus.parse("junk").state()).isEqualTo("unknown");
    }
}
