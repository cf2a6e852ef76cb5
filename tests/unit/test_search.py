def test_an_a_to_z_list_sorts_accented_terms_with_their_letter():
    from components.search import sort_key

    terms = ["Zona", "Éxito", "apego", "Ira", "Nube", "Ola"]
    assert sorted(terms, key=sort_key) == ["apego", "Éxito", "Ira", "Nube", "Ola", "Zona"]
