package testapp;

/** An argument with a property the methods file labels by ({@code arg0.platform}). */
public record Issue(Platform platform, String id) {}
