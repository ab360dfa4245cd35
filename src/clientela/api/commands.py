"""`clientela token create|revoke|list`: API tokens from the command line."""

from typing import Annotated

import typer

token_app = typer.Typer(help="API tokens.", no_args_is_help=True)


@token_app.command("create")
def token_create_command(
    username: Annotated[str, typer.Argument(help="The user the token acts as.")],
    name: Annotated[str, typer.Option(help="What the token is for.")] = "",
) -> None:
    """Create an API token and print its key (on standard output, once: only its hash is kept)."""
    from clientela.cli import console, fail, open_database

    open_database()
    from django.core.exceptions import ValidationError

    from clientela.api.services import token_create
    from clientela.crm.models import User

    user = User.objects.filter(username=username).first()
    if user is None:
        fail(f'no user named "{username}"')
    try:
        new = token_create(user=user, name=name)
    except ValidationError as error:
        fail("; ".join(error.messages))
    console.print(f"token {new.token.prefix}… created for {username}; keep the key below, it is not shown again", highlight=False)
    typer.echo(new.key)


@token_app.command("revoke")
def token_revoke_command(prefix: Annotated[str, typer.Argument(help="The token's prefix, as `clientela token list` shows it.")]) -> None:
    """Revoke an API token: from now on it is refused."""
    from clientela.cli import console, fail, open_database

    open_database()
    from clientela.api.models import ApiToken
    from clientela.api.services import token_revoke

    token = ApiToken.objects.filter(prefix=prefix.rstrip("…")).select_related("user").first()
    if token is None:
        fail(f'no token with prefix "{prefix}"')
    token_revoke(token=token)
    console.print(f"token {token.prefix}… of {token.user.username} revoked", highlight=False)


@token_app.command("list")
def token_list_command(username: Annotated[str, typer.Argument(help="Whose tokens.")]) -> None:
    """List a user's API tokens: prefix, name, created, last used, revoked."""
    from clientela.cli import console, fail, open_database

    open_database()
    from rich.console import Console
    from rich.table import Table

    from clientela.api.models import ApiToken
    from clientela.crm.models import User

    user = User.objects.filter(username=username).first()
    if user is None:
        fail(f'no user named "{username}"')
    table = Table("prefix", "name", "created", "last used", "revoked")
    for token in ApiToken.objects.filter(user=user):
        table.add_row(
            token.prefix,
            token.name,
            f"{token.created:%Y-%m-%d %H:%M}",
            f"{token.last_used:%Y-%m-%d %H:%M}" if token.last_used else "",
            f"{token.revoked_at:%Y-%m-%d %H:%M}" if token.revoked_at else "",
        )
    typer.echo(f"{user.username}: {table.row_count} token{'' if table.row_count == 1 else 's'}")
    Console().print(table)
