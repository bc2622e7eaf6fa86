"""First names common among residents of German towns, built for the masking (no download).

Names that are also ordinary words in one of the eight languages are left out on purpose ("Kai", "Nur",
"Can", "Deniz", "Umut", "Вера", "Роман", "حسن", "رضا", ...): masking them would eat normal answers. The list
recognises names after weak cues ("ich bin Anna") and on their own; strong cues ("mein Name ist") mask
whatever follows anyway.
"""

_LATIN = """
Kasia Basia Gosia Ola Ania Magda Tomek Bartek Kuba Olek Zosia Amina Jana Nour Noor Yara Tamara Milena
Aaron Adam Adrian Agnes Alexander Alexandra Alfred Alina Aline Alma Amelie Andrea Andreas Angelika Anja Anke
Anna Anne Annette Anni Annika Anton Antonia Arne Arthur Astrid Axel Barbara Beate Benedikt Benjamin Bernd
Bernhard Bettina Bianca Birgit Björn Brigitte Carina Carl Carla Carmen Carolin Caroline Charlotte Christa
Christian Christiane Christina Christine Christoph Clara Claudia Constanze Cornelia Daniel Daniela David
Denise Dennis Diana Dieter Dietmar Dirk Dominik Dora Doris Dorothea Edith Elena Elias Elisabeth Elke Ella Emil
Emilia Emily Emma Erik Erika Esther Eva Fabian Felix Finn Florian Franz Franziska Frauke Frida Frieda
Friedrich Gabi Gabriele Georg Gerd Gerda Gerhard Gertrud Gisela Greta Gudrun Günter Günther Hanna Hannah
Hannelore Hannes Hans Harald Heike Heinrich Heinz Helene Helga Helmut Henrik Henry Herbert Hermann Hildegard
Holger Horst Hubert Ida Ilse Ina Ines Inge Ingo Ingrid Irene Isabel Isabella Jakob Jan Jana Janina Jannik
Jasmin Jens Jessica Joachim Johann Johanna Johannes Jonas Jonathan Josef Josefine Julia Julian Juliane Jürgen
Justus Jutta Karin Karl Karla Karsten Katharina Kathrin Katja Katrin Kerstin Klaus Konrad Kristina Lara Laura
Lea Leah Lena Leni Leon Leonie Lina Linda Lisa Lotte Louis Luca Lucas Luis Luise Lukas Magdalena Maja Manfred
Manuel Manuela Marc Marcel Marco Marcus Margarete Maria Marie Marina Mario Marion Marius Markus Marlene Martha
Martin Martina Mathias Matthias Max Maximilian Melanie Mia Michael Michaela Mila Mira Monika Nadine Natalie
Nicole Niklas Nils Nina Noah Nora Norbert Olaf Ole Oliver Oskar Otto Patrick Paul Paula Peter Petra Philipp
Pia Rainer Ralf Ralph Regina Reinhard Renate Rita Robert Roland Rolf Ronja Rudolf Ruth Sabine Sabrina Sandra
Sarah Sascha Sebastian Silke Simon Simone Sofia Sophia Sophie Stefan Stefanie Steffen Stephan Susanne Svenja
Sven Swen Sylvia Tanja Theo Thomas Thorsten Tim Timo Tobias Torsten Ulla Ulrich Ulrike Ursula Ute Uwe
Valentina Valerie Vanessa Verena Viktor Viktoria Walter Werner Wilhelm Wolfgang Yvonne John James William
Richard Joseph Charles Christopher Matthew Anthony Steven Andrew Joshua Kevin Brian George Edward Jennifer
Elizabeth Susan Karen Nancy Betty Ashley Michelle Amanda Melissa Stephanie Rebecca Sharon Cynthia Kathleen Amy
Angela Helen Olivia Amelia Harper Evelyn Abigail Scarlett Chloe Lily Zoe Lucy Harry Jack Jacob Ethan Liam
Mason Logan Aiden Owen Nathan Ryan Dylan Tyler Kyle Justin Jason Eric Ahmet Mehmet Mustafa Ali Hüseyin Hasan
İbrahim Ismail İsmail Osman Yusuf Murat Ömer Halil Süleyman Abdullah Mahmut Recep Salih Fatih Kadir Emre
Serkan Burak Hakan Oğuz Cem Kemal Orhan Selim Tarık Yasin Yunus Eymen Kerem Berat Mert Arda Efe Alper Cengiz
Erkan Gökhan Levent Metin Sinan Tuncay Fatma Ayşe Emine Hatice Zeynep Elif Meryem Şerife Hanife Merve Zehra
Esra Özlem Yasemin Hülya Aylin Ebru Büşra Derya Dilek Gülay Gülsüm Hacer Hande Kübra Leyla Nermin Nesrin Rabia
Selin Sibel Songül Tuğba Ecrin Defne Azra Ela Buse Ceren İrem Sena Mohammed Muhammad Mohamed Mohammad Ahmad
Ahmed Mahmoud Mahmud Khaled Khalid Omar Yousef Youssef Ibrahim Hussein Hussain Hassan Tarek Tariq Karim Bilal
Samir Walid Rami Fadi Jamal Nabil Ayman Hamza Anas Zaid Fatima Maryam Mariam Aisha Aischa Zainab Zeinab Layla
Leila Sara Salma Rania Dina Huda Hiba Yasmin Jasmina Nadia Nadja Samira Amira Rasha Ranya Hanan Iman Aya Malak
Reem Rim Ghada Widad Reza Hossein Hosein Mehdi Mahdi Amir Mohsen Hamid Majid Saeed Farhad Bahram Dariush
Kourosh Behrouz Babak Kamran Navid Arash Omid Pouya Siamak Shahram Mansour Morteza Javad Ehsan Hadi Zahra
Fatemeh Parisa Nazanin Niloufar Shirin Nasrin Mahsa Sahar Sepideh Mina Roya Azadeh Elham Negar Samaneh Soraya
Parvaneh Tahereh Golnaz Farah Ladan Shabnam Yalda Olga Olena Oksana Tetiana Tatjana Tatiana Iryna Irina
Natalia Natalija Natascha Natalja Svetlana Swetlana Julija Yulia Anastasia Anastasija Kateryna Ekaterina
Jekaterina Marija Mariya Alla Galina Halyna Ljudmila Lyudmila Ludmila Larissa Larysa Walentina Nadezhda
Oleksandr Oleksandra Alexandr Alexej Aleksej Andrij Andrei Andrej Dmitri Dmitrij Dmytro Sergej Sergei Serhij
Serhiy Wladimir Vladimir Volodymyr Mykola Nikolai Nikolaj Iwan Ivan Petro Pjotr Pavlo Pawel Jurij Yuriy Juri
Igor Ihor Oleg Oleh Taras Bohdan Wiktor Vitalij Vitali Maksym Maxim Artem Artjom Denys Mykhailo Michail Vasyl
Wassili Stepan Anatolij Borys Boris Kostja Konstantin Piotr Paweł Krzysztof Tomasz Andrzej Marek Michał
Grzegorz Jerzy Tadeusz Łukasz Mariusz Zbigniew Ryszard Dariusz Wojciech Kazimierz Marcin Jacek Janusz Mirosław
Stanisław Przemysław Sławomir Bartosz Kamil Mateusz Jakub Szymon Wiktoria Zofia Agnieszka Małgorzata Krystyna
Ewa Elżbieta Katarzyna Joanna Dorota Beata Danuta Jolanta Grażyna Aleksandra Halina Iwona Renata Wiesława
Bożena Justyna Urszula Teresa Marta Karolina Patrycja Paulina Weronika Kinga Alicja Izabela Sylwia Edyta Amina
Amin Amal Nour Noor Yara Tamara Milena Dragan Goran Zoran Milan Jelena Ivana
"""

_CYRILLIC = """
Ольга Олена Елена Оксана Тетяна Татьяна Ірина Ирина Наталія Наталья Світлана Светлана Юлія Юлия Анастасія
Анастасия Катерина Екатерина Марія Мария Алла Галина Людмила Лариса Валентина Ганна Анна Софія София Дарина
Дарья Вікторія Виктория Олександра Александра Ксенія Ксения Марина Євгенія Евгения Альона Алёна Інна Инна
Олександр Александр Андрій Андрей Дмитро Дмитрий Сергій Сергей Володимир Владимир Микола Николай Іван Иван
Петро Пётр Павло Павел Юрій Юрий Ігор Игорь Олег Тарас Богдан Віктор Виктор Віталій Виталий Максим Артем Артём
Денис Михайло Михаил Василь Василий Степан Анатолій Анатолий Борис Костянтин Константин Євген Евгений Олексій
Алексей Ярослав Станіслав Станислав Вадим Руслан Валерій Валерий Григорій Григорий Тимур Кирило Кирилл
"""

_ARABIC_SCRIPT = """
محمد أحمد محمود خالد يوسف إبراهيم ابراهيم مصطفى حسين طارق بلال سامر وليد رامي فادي أيمن حمزة أنس زيد فاطمة
مريم عائشة زينب ليلى سارة سلمى رانيا دينا لينا ياسمين نادية سميرة رشا ريم غادة مریم زهرا فاطمه حسین مهدی سارا
پریسا مهسا مینا نگار سمانه ثریا طاهره گلناز فرهاد بهرام داریوش کوروش بهروز بابک کامران آرش سیامک شهرام منصور
مرتضی جواد هادی حمید مجید محسن
"""

FIRST_NAMES = frozenset(name for block in (_LATIN, _CYRILLIC, _ARABIC_SCRIPT) for name in block.split())
_FOLDED = frozenset(name.casefold() for name in FIRST_NAMES)


def is_first_name(word: str) -> bool:
    """Whether the word is a known first name, in any case ("anna", "ANNA", "Anna")."""
    return word.casefold() in _FOLDED
