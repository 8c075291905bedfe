import AduanCore
