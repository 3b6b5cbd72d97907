package testapp.boot;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot web application as users write it: Spring MVC routes, one over JdbcTemplate and one over a
 * Spring Data JPA repository (Hibernate), HikariCP (named {@code boot-pool}) on in-memory H2, actuator with the
 * Prometheus registry. Only APIs common to Boot 3.5 and 4.0 and to Tomcat and Jetty, so every module compiles it. Prints the versions it
 * runs and {@code ready port=N}.
 */
@SpringBootApplication
@RestController
public class BootJdbcApp implements ApplicationRunner {

    private final JdbcTemplate jdbc;
    private final OrderRepository orders;
    private final HikariDataSource dataSource;
    private final ServletContext servletContext;

    public BootJdbcApp(
            JdbcTemplate jdbc, OrderRepository orders, HikariDataSource dataSource, ServletContext servletContext) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.dataSource = dataSource;
        this.servletContext = servletContext;
    }

    public static void main(String[] args) {
        SpringApplication.run(
                BootJdbcApp.class,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn",
                "--spring.datasource.url=jdbc:h2:mem:bootdb;DB_CLOSE_DELAY=-1",
                "--spring.datasource.hikari.pool-name=boot-pool",
                "--spring.jpa.open-in-view=false",
                "--management.endpoints.web.exposure.include=prometheus");
    }

    /** The data, before the application is ready (the pool is running from here on). */
    @Override
    public void run(ApplicationArguments args) {
        jdbc.execute("create table users (id int primary key, name varchar(40))");
        for (int id = 0; id < 10; id++) {
            jdbc.update("insert into users values (?, ?)", id, "user " + id);
        }
        List<PurchaseOrder> all = new ArrayList<>();
        for (long id = 1; id <= 10; id++) {
            all.add(new PurchaseOrder(id, "item " + id));
        }
        orders.saveAll(all);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ready(ApplicationReadyEvent event) {
        System.out.println("versions boot=" + SpringBootVersion.getVersion()
                + " hibernate=" + org.hibernate.Version.getVersionString()
                + " server=" + servletContext.getServerInfo().replace(' ', '-')
                + " hikari=" + bundleVersion(HikariDataSource.class)
                + " tracker="
                + (dataSource.getMetricsTrackerFactory() == null
                        ? "none"
                        : dataSource.getMetricsTrackerFactory().getClass().getSimpleName()));
        System.out.println(
                "ready port=" + event.getApplicationContext().getEnvironment().getProperty("local.server.port"));
    }

    /** HikariCP's jar names its version only in its OSGi manifest. */
    private static String bundleVersion(Class<?> type) {
        try (JarFile jar = new JarFile(new File(
                type.getProtectionDomain().getCodeSource().getLocation().toURI()))) {
            return jar.getManifest().getMainAttributes().getValue("Bundle-Version");
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** One borrowed connection per request. */
    @GetMapping("/users/{id}")
    public String user(@PathVariable("id") int id) {
        return jdbc.queryForObject("select name from users where id = ?", String.class, id);
    }

    /** One transaction (one borrowed connection, one SELECT by Hibernate) per request. */
    @GetMapping("/orders/{id}")
    public String order(@PathVariable("id") long id) {
        return orders.findById(id).map(PurchaseOrder::getItem).orElse("none");
    }
}
