//! Nothing internal reaches the public edition by any path.
