package com.example.springai;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A plain Spring Boot application with Spring AI's OpenAI starter: ChatModel and EmbeddingModel auto-configured. */
@SpringBootApplication
public class AiApp {}
