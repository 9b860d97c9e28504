package news.cms.core.note.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who sits on which section's desk. */
@Repository
public class DeskRepository {

    private final JdbcClient jdbc;

    DeskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String section, String username) {
        jdbc.sql("insert into desk_member (section, username) values (?, ?) on conflict do nothing")
                .params(section, username)
                .update();
    }

    public boolean remove(String section, String username) {
        return jdbc.sql("delete from desk_member where section = ? and username = ?")
                        .params(section, username)
                        .update()
                == 1;
    }

    public List<String> members(String section) {
        return jdbc.sql("select username from desk_member where section = ? order by username")
                .param(section)
                .query(String.class)
                .list();
    }

    /** The desk's section as stored, matched without regard to case; empty when it has no members. */
    public Optional<String> section(String name) {
        return jdbc.sql("select section from desk_member where lower(section) = lower(?) order by section limit 1")
                .param(name)
                .query(String.class)
                .optional();
    }

    public List<String> desksOf(String username) {
        return jdbc.sql("select section from desk_member where username = ? order by section")
                .param(username)
                .query(String.class)
                .list();
    }
}
