package dev.autoprom.bench.large;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

@Entity
public class Visit {
    @Id
    @GeneratedValue
    private Long id;

    private LocalDate date;

    @Size(max = 255)
    private String description;

    @ManyToOne
    @JsonIgnore
    private Pet pet;

    protected Visit() {}

    public Visit(LocalDate date, String description, Pet pet) {
        this.date = date;
        this.description = description;
        this.pet = pet;
    }

    public Long getId() {
        return id;
    }

    public LocalDate getDate() {
        return date;
    }

    public String getDescription() {
        return description;
    }
}
