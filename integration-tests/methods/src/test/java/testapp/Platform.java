package testapp;

public enum Platform {
    GITHUB,
    GITLAB
}
