package dev.autoprom.bench.large;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ClinicController {

    private final OwnerRepository owners;

    ClinicController(OwnerRepository owners) {
        this.owners = owners;
    }

    @GetMapping("/ping")
    public String ping() {
        return "pong";
    }

    /** {@code /users/{id}} too, the route every benchmark application answers. */
    @GetMapping({"/owners/{id}", "/users/{id}"})
    @Cacheable(value = "owners", unless = "!#result.statusCode.is2xxSuccessful()")
    public ResponseEntity<Owner> owner(@PathVariable("id") long id) {
        return owners.findById(id).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
    }
}
