package com.example.springai2;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A plain Spring Boot 4 application with Spring AI 2.0's OpenAI starter: ChatModel and EmbeddingModel auto-configured. */
@SpringBootApplication
public class AiApp {}
