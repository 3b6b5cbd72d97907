package dev.autoprom.instrumentation.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UriTemplatesTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "/items/{id}, /items/{id}",
                "items/{id}, /items/{id}",
                "http://127.0.0.1:8080/items/{id}, /items/{id}",
                "https://user:secret@api.example/v1/{org}/repos?page={page}&token=abc, /v1/{org}/repos",
                "{scheme}://{host}/a/{b}, /a/{b}",
                "/search?q={q}, null",
                "/items/{id}#frag, /items/{id}",
                // no variable: indistinguishable from a path the application built itself
                "/items/42, null",
                "http://api.example/health, null",
                "http://api.example, null",
                "'', null",
                "null, null",
            })
    void theLabelIsThePathTemplateOnly(String template, String label) {
        assertThat(UriTemplates.label(template)).isEqualTo(label);
        assertThat(UriTemplates.label(template)).as("cached").isSameAs(UriTemplates.label(template));
    }
}
