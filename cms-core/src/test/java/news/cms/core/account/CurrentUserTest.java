package news.cms.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class CurrentUserTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theSignedInUserWithTheRolesAmongTheirAuthorities() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "leyla",
                        null,
                        AuthorityUtils.createAuthorityList(
                                "ROLE_EDITOR", "ROLE_ADMIN", "ROLE_PUBLISHER", "SCOPE_FEED", "MODERATOR")));

        CurrentUser user = CurrentUser.get();

        assertThat(user.name()).isEqualTo("leyla");
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.EDITOR, Role.ADMIN);
    }

    @Test
    void nobodySignedInIsAnError() {
        assertThatIllegalStateException().isThrownBy(CurrentUser::get).withMessage("no signed-in user");

        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.unauthenticated("leyla", "secret"));
        assertThatIllegalStateException().isThrownBy(CurrentUser::get).withMessage("no signed-in user");
    }
}
