"""The demo company's fixed reference data: regions and towns, teams, product catalogue, names."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Town:
    name: str
    postal_code: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class RegionPlan:
    code: str
    name: str
    towns: tuple[Town, ...]
    salespeople: tuple[str, ...]


REGIONS = (
    RegionPlan(
        "north",
        "North Coast",
        (
            Town("Bilbao", "48001", 43.2630, -2.9350),
            Town("Santander", "39001", 43.4623, -3.8100),
            Town("Vitoria-Gasteiz", "01001", 42.8467, -2.6716),
            Town("San Sebastián", "20001", 43.3183, -1.9812),
        ),
        ("sales1", "sales2"),
    ),
    RegionPlan(
        "centre",
        "Centre",
        (
            Town("Madrid", "28001", 40.4168, -3.7038),
            Town("Toledo", "45001", 39.8628, -4.0273),
            Town("Segovia", "40001", 40.9429, -4.1088),
            Town("Guadalajara", "19001", 40.6337, -3.1674),
        ),
        ("sales3", "sales4", "sales5"),
    ),
    RegionPlan(
        "east",
        "East Coast",
        (
            Town("Valencia", "46001", 39.4699, -0.3763),
            Town("Alicante", "03001", 38.3452, -0.4810),
            Town("Castellón", "12001", 39.9864, -0.0513),
            Town("Murcia", "30001", 37.9922, -1.1307),
        ),
        ("sales6", "sales7", "sales8"),
    ),
)

TEAMS = (("Team North", "supervisor1", ("sales1", "sales2", "sales3", "sales4")), ("Team South", "supervisor2", ("sales5", "sales6", "sales7", "sales8")))

FIRST_NAMES = (
    "Ana", "Bruno", "Carmen", "Diego", "Elena", "Fernando", "Gloria", "Hugo", "Irene", "Javier", "Lucía", "Manuel",
    "Nuria", "Óscar", "Paula", "Raúl", "Sara", "Tomás", "Verónica", "Xavier", "Yolanda", "Zoe", "Marta", "Pablo",
)
LAST_NAMES = (
    "García", "Martínez", "López", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz",
    "Moreno", "Álvarez", "Romero", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Serrano", "Blanco",
)
STREETS = ("Calle Mayor", "Avenida del Puerto", "Calle Real", "Plaza de España", "Calle del Sol", "Paseo Marítimo", "Calle Nueva", "Avenida de la Constitución")

# channel: (share of customers, name prefixes, median monthly spend in euros, mean days between orders)
CHANNELS = {
    "bar": (0.45, ("Bar", "Taberna", "Cervecería", "Pub"), 650, 9),
    "restaurant": (0.25, ("Restaurante", "Asador", "Bistró", "Mesón"), 900, 12),
    "shop": (0.20, ("Supermercado", "Ultramarinos", "Bodega", "Tienda"), 500, 16),
    "dealer": (0.10, ("Distribuciones", "Almacenes", "Comercial", "Bebidas"), 6000, 7),
}
INDUSTRY = {"bar": "hospitality", "restaurant": "hospitality", "shop": "retail", "dealer": "wholesale"}
NAME_WORDS = ("del Puerto", "La Plaza", "El Faro", "San Juan", "Los Amigos", "La Esquina", "El Roble", "Central", "La Marina", "El Molino", "Sol", "Luna", "Norte", "Dorado", "La Estación", "Triana")

# family: (varieties, price per unit in euros, unit cost share, popularity)
PRODUCT_FAMILIES = {
    "Lager": (("Clásica", "Especial", "Extra", "Sin alcohol", "Radler", "Light", "Premium", "Reserva", "Tostada", "Original", "Export", "Pilsen"), 18.0, 0.62, 5.0),
    "Craft": (("IPA", "Pale Ale", "Stout", "Porter", "Amber", "Saison", "Weiss", "Red Ale", "Session IPA", "Double IPA", "Sour", "Barley Wine"), 34.0, 0.58, 1.5),
    "Imported": (("Belgian Tripel", "Belgian Dubbel", "German Helles", "Czech Pils", "Irish Stout", "Mexican Lager", "Dutch Lager", "English Bitter", "Japanese Rice", "Danish Pils", "Kölsch", "Bock"), 29.0, 0.70, 1.0),
    "Keg": (("Clásica 30 l", "Especial 30 l", "Clásica 50 l", "IPA 20 l", "Sin alcohol 30 l", "Tostada 30 l", "Radler 30 l", "Premium 50 l", "Pilsen 30 l", "Weiss 20 l", "Stout 20 l", "Amber 20 l"), 95.0, 0.60, 2.5),
    "Soft drinks": (("Cola", "Orange", "Lemon", "Tonic", "Ginger ale", "Sparkling water", "Still water", "Iced tea", "Apple juice", "Peach juice", "Bitter", "Soda"), 12.0, 0.55, 2.0),
}

TAGS = ("key account", "family business", "terrace", "group customer", "craft beer lovers", "new opening", "tourist area")
HOLIDAYS = ((1, 1, "New Year"), (1, 6, "Epiphany"), (5, 1, "Labour Day"), (8, 15, "Assumption"), (10, 12, "National Day"), (12, 25, "Christmas"))
