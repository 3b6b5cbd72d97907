package hardeningapp.webapp;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * The web application's servlet: copied into the webapp's WEB-INF/classes by {@code RedeployApp}, so that the
 * webapp's own class loader defines it (and H2, from WEB-INF/lib). Each request runs one query on an in-memory H2
 * database of the webapp and answers with the loader's class name and the query's result.
 */
public class HelloServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Properties credentials = new Properties();
        credentials.setProperty("user", "sa");
        try (Connection c = new org.h2.Driver().connect("jdbc:h2:mem:webappdb", credentials);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 40 + 2")) {
            rs.next();
            response.setContentType("text/plain");
            response.getWriter().print(getClass().getClassLoader().getClass().getSimpleName() + " " + rs.getInt(1));
        } catch (java.sql.SQLException e) {
            throw new IOException(e);
        }
    }
}
