ALTER TABLE users OWNER TO ${owner};
