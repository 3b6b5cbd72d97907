package dev.autoprom.bench.large;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@Entity
public class Pet {
    @Id
    @GeneratedValue
    private Long id;

    @NotBlank
    private String name;

    private LocalDate birthDate;

    @ManyToOne
    @JsonIgnore
    private Owner owner;

    @ManyToOne
    private PetType type;

    @OneToMany(mappedBy = "pet", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    private List<Visit> visits = new ArrayList<>();

    protected Pet() {}

    public Pet(String name, LocalDate birthDate, Owner owner, PetType type) {
        this.name = name;
        this.birthDate = birthDate;
        this.owner = owner;
        this.type = type;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public PetType getType() {
        return type;
    }

    public List<Visit> getVisits() {
        return visits;
    }
}
