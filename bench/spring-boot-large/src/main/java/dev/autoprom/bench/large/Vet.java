package dev.autoprom.bench.large;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import java.util.HashSet;
import java.util.Set;

@Entity
public class Vet {
    @Id
    @GeneratedValue
    private Long id;

    private String name;

    @ManyToMany
    private Set<PetType> specialties = new HashSet<>();

    protected Vet() {}

    public Vet(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Set<PetType> getSpecialties() {
        return specialties;
    }
}
