package news.cms.publicapi.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import news.cms.core.partnerkey.KeyCheck;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.publicapi.config.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the {@code X-API-Key} header. A valid key signs the request in as that partner; a key that
 * is unknown, revoked or expired ends the request with 401, also on the open endpoints, so that a
 * partner learns at once that its key stopped working instead of silently getting less. A key the
 * app would have to look up in the database (neither held in memory nor recently found missing) is
 * first charged to the address's own limit, so that made-up keys cannot buy database work faster
 * than a client without a key may ask (ADR 0015).
 */
public final class ApiKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";

    private final PartnerKeyService keys;
    private final PublicApiRateLimits limits;
    private final JsonMapper json;

    public ApiKeyFilter(PartnerKeyService keys, PublicApiRateLimits limits, JsonMapper json) {
        this.keys = keys;
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        String secret = presented.strip();
        if (keys.needsLookUp(secret) && !limits.admitKeyLookUp(request, response)) {
            return;
        }
        switch (keys.verify(secret)) {
            case KeyCheck.Valid valid -> {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new PartnerAuthentication(valid.key()));
                SecurityContextHolder.setContext(context);
                try {
                    chain.doFilter(request, response);
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }
            case KeyCheck.Unknown unknown ->
                refuse(
                        response,
                        "api-key-invalid",
                        "Invalid API key",
                        "No partner key matches the " + HEADER + " header.");
            case KeyCheck.Revoked revoked ->
                refuse(
                        response,
                        "api-key-revoked",
                        "API key revoked",
                        "The key " + revoked.key().prefix() + " was revoked at "
                                + revoked.key().revokedAt() + "; ask the newsroom for a new one.");
            case KeyCheck.Expired expired ->
                refuse(
                        response,
                        "api-key-expired",
                        "API key expired",
                        "The key " + expired.key().prefix() + " expired at "
                                + expired.key().expiresAt() + "; ask the newsroom for a new one.");
        }
    }

    private void refuse(HttpServletResponse response, String type, String title, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
        Problems.write(response, json, HttpStatus.UNAUTHORIZED, type, title, detail);
    }
}
