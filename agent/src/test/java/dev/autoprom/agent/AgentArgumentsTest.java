package dev.autoprom.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentArgumentsTest {

    @Test
    void validArgumentsHaveNoProblem() {
        assertThat(AgentArguments.problems(null)).isEmpty();
        assertThat(AgentArguments.problems("port=0,host=127.0.0.1,labels=service=a,env=b"))
                .isEmpty();
        assertThat(AgentArguments.problems("autoprom.log.level=debug")).isEmpty();
    }

    @Test
    void problemsAreWordedForARefusal() {
        assertThat(AgentArguments.problems("prot=0"))
                .containsExactly("unknown setting autoprom.prot (agent argument); did you mean autoprom.port?");
        assertThat(AgentArguments.problems("port=lots"))
                .containsExactly("invalid value 'lots' for autoprom.port "
                        + "(agent argument): expected a port number from 0 to 65535 (0 picks a free port)");
        assertThat(AgentArguments.problems("port"))
                .containsExactly("agent argument 'port' is not of the form "
                        + "key=value, as in -javaagent:autoprom-agent.jar=port=9464,host=127.0.0.1");
    }
}
