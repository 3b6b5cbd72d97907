package testapp.quarkus;

import io.agroal.api.AgroalDataSource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The routes of {@code NonServletServerContract} as Quarkus REST resource methods (blocking ones run on a worker
 * thread, the reactive ones on the event loop), plus {@code /db}: a query through the Agroal datasource.
 */
@Path("/")
@Produces(MediaType.TEXT_PLAIN)
public class ContractResource {

    private static final AtomicReference<CompletableFuture<String>> HELD =
            new AtomicReference<>(new CompletableFuture<>());

    @Inject
    AgroalDataSource dataSource;

    @GET
    @Path("hello")
    public String hello() {
        return "hello";
    }

    @GET
    @Path("items/{id}")
    public String item(@PathParam("id") String id) {
        return "item " + id;
    }

    @GET
    @Path("fail")
    public String fail() {
        throw new IllegalStateException("handler failed");
    }

    @GET
    @Path("stream")
    public Multi<String> stream() {
        return Multi.createFrom()
                .ticks()
                .every(Duration.ofMillis(100))
                .select()
                .first(5)
                .map(tick -> "chunk\n");
    }

    @DELETE
    @Path("hold")
    public Uni<String> hold() {
        return Uni.createFrom().completionStage(HELD.get());
    }

    @GET
    @Path("release")
    public String release() {
        HELD.getAndSet(new CompletableFuture<>()).complete("released");
        return "released";
    }

    @GET
    @Path("load")
    public String load() {
        return "ok";
    }

    @GET
    @Path("db")
    public String db() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 1")) {
            rows.next();
            return "db " + rows.getInt(1);
        }
    }
}
