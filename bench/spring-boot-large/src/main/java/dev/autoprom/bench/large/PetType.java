package dev.autoprom.bench.large;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class PetType {
    @Id
    @GeneratedValue
    private Long id;

    private String name;

    protected PetType() {}

    public PetType(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
