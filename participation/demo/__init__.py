"""The demo of the fictional city of Auenstadt: `content` holds plain data, `loader` writes it to an empty database."""
